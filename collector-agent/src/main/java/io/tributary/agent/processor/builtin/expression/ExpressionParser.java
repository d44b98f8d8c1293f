package io.tributary.agent.processor.builtin.expression;

import io.tributary.agent.processor.builtin.expression.Token.Kind;
import io.tributary.record.FieldPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent parser for filter expressions. Grammar, loosest binding first:
 *
 * <pre>
 * or         = and { ("or" | "||") and }
 * and        = not { ("and" | "&amp;&amp;") not }
 * not        = ("not" | "!") not | comparison
 * comparison = operand [ op operand | ["not"] "in" list | "matches" string ]
 * op         = "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * operand    = path | name | literal | "exists" "(" (path | name) ")" | "(" or ")"
 * list       = "[" [ literal { "," literal } ] "]"
 * literal    = number | string | "true" | "false" | "null"
 * </pre>
 */
final class ExpressionParser {
    private static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private int index;
    private int depth;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String source) {
        ExpressionParser parser = new ExpressionParser(Lexer.tokenize(source));
        Token first = parser.peek();
        if (first.kind() == Kind.END) throw new ExpressionSyntaxException(first.column(), "expression is empty");
        Node node = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) throw unexpected(rest, "expected 'and', 'or' or the end");
        return node;
    }

    private Node or() {
        Node left = and();
        while (keyword("or") || operator("||")) {
            index++;
            left = new Node.Or(left, and());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (keyword("and") || operator("&&")) {
            index++;
            left = new Node.And(left, not());
        }
        return left;
    }

    private Node not() {
        if (keyword("not") || operator("!")) {
            Token t = tokens.get(index++);
            enter(t);
            Node operand = not();
            depth--;
            return new Node.Not(operand);
        }
        return comparison();
    }

    private Node comparison() {
        Node left = operand();
        Token t = peek();
        Comparison.Op op = t.kind() == Kind.OPERATOR ? Comparison.Op.of(t.text()) : null;
        if (op != null) {
            index++;
            return new Node.Compare(op, left, operand());
        }
        if (keyword("in")) {
            index++;
            return new Node.In(left, list());
        }
        if (keyword("not") && tokens.get(index + 1).is(Kind.KEYWORD, "in")) {
            index += 2;
            return new Node.Not(new Node.In(left, list()));
        }
        if (keyword("matches")) {
            index++;
            Token regex = next();
            if (regex.kind() != Kind.STRING) throw unexpected(regex, "'matches' needs a quoted regular expression");
            try {
                return new Node.Matches(left, Pattern.compile(regex.text()));
            } catch (PatternSyntaxException e) {
                throw new ExpressionSyntaxException(regex.column(), "invalid regular expression: "
                        + e.getDescription());
            }
        }
        return left;
    }

    private Node operand() {
        Token t = next();
        switch (t.kind()) {
            case PATH, NAME -> {
                return new Node.Field((FieldPath) t.value());
            }
            case NUMBER, STRING -> {
                return new Node.Literal(t.value());
            }
            case LPAREN -> {
                enter(t);
                Node inner = or();
                Token close = next();
                if (close.kind() != Kind.RPAREN) {
                    throw unexpected(close, "expected ')' to close '(' at column " + t.column());
                }
                depth--;
                return inner;
            }
            case KEYWORD -> {
                if (t.text().equals("exists")) return exists(t);
                if (isLiteralKeyword(t)) return new Node.Literal(literalKeyword(t));
                throw unexpected(t, "expected a field, a value or '('");
            }
            default -> throw unexpected(t, "expected a field, a value or '('");
        }
    }

    private Node exists(Token keyword) {
        Token open = next();
        if (open.kind() != Kind.LPAREN) throw unexpected(open, "expected '(' after 'exists'");
        Token path = next();
        if (path.kind() != Kind.PATH && path.kind() != Kind.NAME) throw unexpected(path, "'exists' needs a field path");
        Token close = next();
        if (close.kind() != Kind.RPAREN) throw unexpected(close, "expected ')' to close 'exists(' at column "
                + keyword.column());
        return new Node.Exists((FieldPath) path.value());
    }

    private List<Object> list() {
        Token open = next();
        if (open.kind() != Kind.LBRACKET) throw unexpected(open, "'in' needs a list such as [1, 2]");
        List<Object> values = new ArrayList<>();
        if (peek().kind() == Kind.RBRACKET) {
            index++;
            return List.of();
        }
        while (true) {
            Token t = next();
            if (t.kind() == Kind.NUMBER || t.kind() == Kind.STRING) {
                values.add(t.value());
            } else if (isLiteralKeyword(t)) {
                values.add(literalKeyword(t));
            } else {
                throw unexpected(t, "a list holds only numbers, strings, true, false and null");
            }
            Token sep = next();
            if (sep.kind() == Kind.RBRACKET) return Collections.unmodifiableList(values); // may hold null
            if (sep.kind() != Kind.COMMA) throw unexpected(sep, "expected ',' or ']' in the list");
        }
    }

    private static boolean isLiteralKeyword(Token t) {
        return t.kind() == Kind.KEYWORD
                && (t.text().equals("true") || t.text().equals("false") || t.text().equals("null"));
    }

    private static Object literalKeyword(Token t) {
        return t.text().equals("null") ? null : Boolean.valueOf(t.text());
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionSyntaxException(t.column(), "nested more than " + MAX_DEPTH + " deep");
        }
    }

    private boolean keyword(String word) {
        return peek().is(Kind.KEYWORD, word);
    }

    private boolean operator(String symbol) {
        return peek().is(Kind.OPERATOR, symbol);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.END) index++;
        return t;
    }

    private static ExpressionSyntaxException unexpected(Token t, String expected) {
        return new ExpressionSyntaxException(t.column(), "unexpected " + t.describe() + "; " + expected);
    }
}
