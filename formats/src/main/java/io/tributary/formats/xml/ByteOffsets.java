package io.tributary.formats.xml;

/**
 * Converts character offsets (UTF-16 units of the decoded document) to byte offsets in the UTF-8 payload:
 * exactly, within the part of the text that was decoded from valid UTF-8; cheaply for offsets that increase,
 * which is how a document is read. One instance per parse call.
 */
final class ByteOffsets {
    private final String text;
    private final int base;
    private final boolean ascii;
    private int charPos;
    private long bytePos;

    /**
     * @param text the decoded document
     * @param base the byte offset in the payload where {@code text} starts (after a byte order mark)
     * @param exactChars how many leading characters of {@code text} were decoded from valid UTF-8
     * @param exactBytes how many payload bytes those characters came from
     */
    ByteOffsets(String text, int base, int exactChars, int exactBytes) {
        this.text = text;
        this.base = base;
        this.ascii = exactChars == exactBytes;
    }

    /** The byte offset of character {@code charOffset} (clamped to the text), or -1 when it is unknown. */
    long of(int charOffset) {
        if (charOffset < 0) return -1;
        int target = Math.min(charOffset, text.length());
        if (ascii) return base + target;
        if (target < charPos) {
            charPos = 0;
            bytePos = 0;
        }
        while (charPos < target) {
            char c = text.charAt(charPos++);
            bytePos += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return base + bytePos;
    }
}
