package io.tributary.formats.text;

/**
 * Splits a byte array into lines without copying: a cursor that yields the byte offset and length of each
 * line in turn, for every line-based format.
 *
 * <p>A line ends at LF; a CR directly before that LF, or as the very last byte of the data, belongs to the
 * line end and is not part of the line. Any other CR is content. The last line counts without a terminating
 * LF when it is not empty; data ending with LF has no empty line after it. A UTF-8 byte order mark at the
 * start of the data is skipped. Lengths are in bytes; decoding is left to the caller.
 *
 * <p>Threading: a cursor is mutable and belongs to one thread; make one per payload (it is cheap). The data
 * is not modified.
 *
 * <p>Stable API since 0.1.
 */
public final class Lines {
    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final byte[] data;
    private final int end;
    private int next;
    private int offset = -1;
    private int length;

    /** A cursor over all of {@code data}, before its first line. */
    public Lines(byte[] data) {
        this(data, 0, data.length);
    }

    /** A cursor over {@code data[from, to)}, before its first line; offsets stay those of the whole array. */
    public Lines(byte[] data, int from, int to) {
        if (from < 0 || to > data.length || from > to) {
            throw new IndexOutOfBoundsException("Range [" + from + ", " + to + ") of " + data.length + " bytes");
        }
        this.data = data;
        this.end = to;
        this.next = hasBom(data, from, to) ? from + 3 : from;
    }

    private static boolean hasBom(byte[] data, int from, int to) {
        return to - from >= 3 && data[from] == (byte) 0xEF && data[from + 1] == (byte) 0xBB
                && data[from + 2] == (byte) 0xBF;
    }

    /** Moves to the next line; false (and the cursor stays at the end) when there is none. */
    public boolean next() {
        if (next >= end) return false;
        int start = next;
        int i = start;
        while (i < end && data[i] != LF) i++;
        int stop = i;
        if (stop > start && data[stop - 1] == CR) stop--;
        offset = start;
        length = stop - start;
        next = i < end ? i + 1 : end;
        return true;
    }

    /** Byte offset of the current line's first byte in the array. */
    public int offset() {
        return offset;
    }

    /** Length of the current line in bytes, without its line end. */
    public int length() {
        return length;
    }

    /** The array being split. */
    public byte[] data() {
        return data;
    }
}
