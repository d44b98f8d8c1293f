package io.tributary.agent.processor.builtin.expression;

/**
 * One lexical token of a filter expression.
 *
 * @param kind what it is
 * @param text the source text (for a string: the unescaped content; for a keyword: lower case)
 * @param value the literal or compiled path it stands for, or null
 * @param column 1-based column of its first character
 */
record Token(Kind kind, String text, Object value, int column) {
    enum Kind {
        PATH, NAME, KEYWORD, NUMBER, STRING, OPERATOR, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, END
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    /** How the token is named in error messages. */
    String describe() {
        if (kind == Kind.END) return "end of expression";
        return kind == Kind.STRING ? "string '" + text + "'" : "'" + text + "'";
    }
}
