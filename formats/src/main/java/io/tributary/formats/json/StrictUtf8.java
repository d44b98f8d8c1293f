package io.tributary.formats.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Allocation-free strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF),
 * with a fast path over ASCII eight bytes at a time. Jackson checks UTF-8 only partly (it accepts overlong forms
 * and encoded surrogates), so the parser validates with this as well. Stateless and thread-safe.
 */
final class StrictUtf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private StrictUtf8() {
    }

    /** The offset of the first byte of the first invalid sequence in {@code [from, to)}, or -1 when valid. */
    static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        for (int last = to - 32; i <= last; i += 32) {
            long any = (long) LONGS.get(b, i) | (long) LONGS.get(b, i + 8) | (long) LONGS.get(b, i + 16)
                    | (long) LONGS.get(b, i + 24);
            if ((any & HIGH_BITS) != 0) break;
        }
        while (i < to) {
            if (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            if (c < 0xC2) return i;
            if (c < 0xE0) {
                if (i + 1 >= to || !continuation(b[i + 1])) return i;
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2])) return i;
                int c1 = b[i + 1] & 0xFF;
                if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return i;
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= to || !continuation(b[i + 1]) || !continuation(b[i + 2])
                        || !continuation(b[i + 3])) {
                    return i;
                }
                int c1 = b[i + 1] & 0xFF;
                if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return i;
                i += 4;
            } else {
                return i;
            }
        }
        return -1;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
