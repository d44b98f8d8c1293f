package io.tributary.formats.xml;

/**
 * Finds where the tags of StAX's element events are in the document text. The JDK's StAX reader reports the
 * position of its scanner, which may already be past the event (it reads ahead), so record boundaries are
 * located here instead: exactly, by walking the text StAX has already checked for well-formedness, skipping
 * comments, CDATA sections and processing instructions, and honouring quoted attribute values. Call it once
 * per element event, in document order. One instance per parse call.
 */
final class TagScanner {
    private final String text;
    private int pos;
    private int emptyTagEnd = -1;
    private int lastTagEnd;

    TagScanner(String text) {
        this.text = text;
    }

    /**
     * The character offset of a {@code <!DOCTYPE} that follows only white space, comments and processing
     * instructions (the XML declaration among them), or -1. Lets the parser refuse a DTD before StAX scans it
     * (the JDK's reader prints to standard error on some malformed internal subsets).
     */
    static int prologDoctype(String text) {
        int i = 0;
        while (true) {
            while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) i++;
            if (text.startsWith("<!DOCTYPE", i)) return i;
            String close = text.startsWith("<?", i) ? "?>" : text.startsWith("<!--", i) ? "-->" : null;
            if (close == null) return -1;
            int end = text.indexOf(close, i + 2);
            if (end < 0) return -1;
            i = end + close.length();
        }
    }

    /** For a START_ELEMENT event: the character offset of its {@code <}; {@link #lastTagEnd()} is its end. */
    int startTag() {
        int lt = nextMarkup();
        if (lt < 0) return -1;
        int i = lt + 1;
        while (i < text.length() && text.charAt(i) != '>') {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                i = close < 0 ? text.length() : close + 1;
            } else {
                i++;
            }
        }
        pos = Math.min(i + 1, text.length());
        lastTagEnd = pos;
        emptyTagEnd = text.charAt(i - 1) == '/' ? pos : -1;
        return lt;
    }

    /** For an END_ELEMENT event: the character offset just after its end tag (or its empty-element tag). */
    int endTag() {
        if (emptyTagEnd >= 0) {
            lastTagEnd = emptyTagEnd;
            emptyTagEnd = -1;
            return lastTagEnd;
        }
        int lt = nextMarkup();
        if (lt < 0) return -1;
        int gt = text.indexOf('>', lt);
        pos = gt < 0 ? text.length() : gt + 1;
        lastTagEnd = pos;
        return pos;
    }

    /** The character offset just after the tag located last (0 before any). */
    int lastTagEnd() {
        return lastTagEnd;
    }

    /**
     * The character offset of the next {@code <} that opens something other than a comment, CDATA section or
     * processing instruction (a tag, or a DOCTYPE), or -1.
     */
    int nextMarkup() {
        while (true) {
            int lt = text.indexOf('<', pos);
            if (lt < 0) return -1;
            String open = text.startsWith("<!--", lt) ? "<!--"
                    : text.startsWith("<![CDATA[", lt) ? "<![CDATA["
                    : text.startsWith("<?", lt) ? "<?" : null;
            if (open == null) {
                pos = lt;
                return lt;
            }
            String close = open.equals("<!--") ? "-->" : open.equals("<?") ? "?>" : "]]>";
            int end = text.indexOf(close, lt + open.length());
            if (end < 0) return -1;
            pos = end + close.length();
        }
    }
}
