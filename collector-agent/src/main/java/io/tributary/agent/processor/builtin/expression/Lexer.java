package io.tributary.agent.processor.builtin.expression;

import io.tributary.agent.processor.builtin.expression.Token.Kind;
import io.tributary.record.FieldPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a filter expression into tokens. */
final class Lexer {
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "matches", "exists", "true", "false", "null");
    private static final String PATH_STOP = "()[],=!<>&|'\"";
    private static final int MAX_EXPONENT = 1000;

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        Lexer lexer = new Lexer(src);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
        int start = pos;
        if (pos >= src.length()) return new Token(Kind.END, "", null, start + 1);
        char c = src.charAt(pos);
        switch (c) {
            case '(' -> { pos++; return new Token(Kind.LPAREN, "(", null, start + 1); }
            case ')' -> { pos++; return new Token(Kind.RPAREN, ")", null, start + 1); }
            case '[' -> { pos++; return new Token(Kind.LBRACKET, "[", null, start + 1); }
            case ']' -> { pos++; return new Token(Kind.RBRACKET, "]", null, start + 1); }
            case ',' -> { pos++; return new Token(Kind.COMMA, ",", null, start + 1); }
            case '\'', '"' -> { return string(c); }
            case '/' -> { return path(); }
            default -> { }
        }
        if (isDigit(c) || ((c == '-' || c == '+') && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') return name();
        return operator();
    }

    private Token operator() {
        int start = pos;
        for (String op : new String[] {"==", "!=", "<=", ">=", "&&", "||", "<", ">", "!"}) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Kind.OPERATOR, op, null, start + 1);
            }
        }
        char c = src.charAt(pos);
        if (c == '=') throw error(start, "'=' is not an operator; compare with '=='");
        if (c == '&' || c == '|') throw error(start, "'" + c + "' is not an operator; use '" + c + c + "'");
        throw error(start, "unexpected character '" + c + "'");
    }

    private Token string(char quote) {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == quote) return new Token(Kind.STRING, sb.toString(), sb.toString(), start + 1);
            if (c == '\\' && pos < src.length()) {
                char n = src.charAt(pos);
                // Only \\ and an escaped quote are escapes; any other backslash stays, so '\d+' is a regex.
                if (n == '\\' || n == '\'' || n == '"') {
                    sb.append(n);
                    pos++;
                    continue;
                }
            }
            sb.append(c);
        }
        throw error(start, "string is not closed; it needs a closing " + quote);
    }

    private Token path() {
        int start = pos;
        while (pos < src.length() && !Character.isWhitespace(src.charAt(pos))
                && PATH_STOP.indexOf(src.charAt(pos)) < 0) {
            pos++;
        }
        String text = src.substring(start, pos);
        try {
            return new Token(Kind.PATH, text, FieldPath.of(text), start + 1);
        } catch (IllegalArgumentException e) {
            throw error(start, e.getMessage());
        }
    }

    private Token name() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                || src.charAt(pos) == '.')) {
            pos++;
        }
        String text = src.substring(start, pos);
        String lower = text.toLowerCase(Locale.ROOT);
        if (KEYWORDS.contains(lower)) return new Token(Kind.KEYWORD, lower, null, start + 1);
        return new Token(Kind.NAME, text, FieldPath.of(text), start + 1);
    }

    private Token number() {
        int start = pos;
        if (src.charAt(pos) == '-' || src.charAt(pos) == '+') pos++;
        digits();
        boolean integral = true;
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && isDigit(src.charAt(pos + 1))) {
            pos++;
            digits();
            integral = false;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int mark = pos++;
            if (pos < src.length() && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) pos++;
            if (pos >= src.length() || !isDigit(src.charAt(pos))) throw error(mark, "exponent has no digits");
            digits();
            integral = false;
        }
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            throw error(pos, "unexpected '" + src.charAt(pos) + "' after a number");
        }
        String text = src.substring(start, pos);
        Object value;
        BigDecimal d = new BigDecimal(text);
        if (Math.abs((long) d.scale()) > MAX_EXPONENT) throw error(start, "number " + text + " is out of range");
        if (integral) {
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                value = d;
            }
        } else {
            value = d;
        }
        return new Token(Kind.NUMBER, text, value, start + 1);
    }

    private void digits() {
        while (pos < src.length() && isDigit(src.charAt(pos))) pos++;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static ExpressionSyntaxException error(int index, String reason) {
        return new ExpressionSyntaxException(index + 1, reason);
    }
}
