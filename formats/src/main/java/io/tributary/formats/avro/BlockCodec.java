package io.tributary.formats.avro;

import io.tributary.formats.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompression of container blocks with a bound on the output, so a small block can never expand into a
 * large allocation (Avro's own codecs decompress without a limit). Supports {@code null}, {@code deflate}
 * (raw deflate, as Avro writes it) and {@code snappy} (Avro's framing: raw snappy data followed by the
 * big-endian CRC-32 of the uncompressed bytes), decoded here so no native library is needed.
 *
 * <p>Stateless and thread-safe.
 */
final class BlockCodec {
    static final List<String> SUPPORTED = List.of("null", "deflate", "snappy");
    /** Snappy's largest expansion: a 3-byte copy element yields 64 bytes. */
    private static final int SNAPPY_MAX_RATIO = 22;

    private BlockCodec() {
    }

    /**
     * The decompressed bytes of {@code len} bytes of {@code data} from {@code off}.
     *
     * @throws AvroDataException {@link ErrorCode#RECORD_TOO_LARGE} when the output would exceed {@code max}
     *     bytes, {@link ErrorCode#AVRO_SYNTAX} when the data is corrupt; both at {@code reportAt}
     */
    static byte[] decompress(String codec, byte[] data, int off, int len, int max, long reportAt)
            throws AvroDataException {
        return switch (codec) {
            case "deflate" -> inflate(data, off, len, max, reportAt);
            case "snappy" -> unsnappy(data, off, len, max, reportAt);
            default -> throw new IllegalArgumentException("Not a compressing codec: " + codec);
        };
    }

    private static byte[] inflate(byte[] data, int off, int len, int max, long reportAt) throws AvroDataException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data, off, len);
            byte[] out = new byte[(int) Math.min(Math.max(256, len * 4L), max + 1L)];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (n > max) throw tooLarge(max, reportAt);
                    out = Arrays.copyOf(out, (int) Math.min(out.length * 2L, max + 1L));
                }
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && !inflater.finished() && n < out.length) {
                    throw corrupt("deflate data ends early", reportAt);
                }
                n += got;
            }
            if (n > max) throw tooLarge(max, reportAt);
            if (inflater.getRemaining() > 0) throw corrupt("bytes after the end of the deflate data", reportAt);
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw corrupt("invalid deflate data: " + e.getMessage(), reportAt);
        } finally {
            inflater.end();
        }
    }

    private static byte[] unsnappy(byte[] data, int off, int len, int max, long reportAt) throws AvroDataException {
        if (len < 5) throw corrupt("snappy block too short", reportAt);
        int end = off + len - 4;
        int p = off;
        long size = 0;
        for (int shift = 0; ; shift += 7) {
            if (p >= end || shift > 28) throw corrupt("invalid snappy length", reportAt);
            int b = data[p++] & 0xFF;
            size |= (long) (b & 0x7F) << shift;
            if (b < 0x80) break;
        }
        if (size > max) throw tooLarge(max, reportAt);
        if (size > (long) (end - p) * SNAPPY_MAX_RATIO + 64) throw corrupt("snappy length out of range", reportAt);
        byte[] out = new byte[(int) size];
        int o = 0;
        while (p < end) {
            int tag = data[p++] & 0xFF;
            long n;
            int distance;
            if ((tag & 3) == 0) {
                n = tag >>> 2;
                if (n >= 60) {
                    int extra = (int) n - 59;
                    if (end - p < extra) throw corrupt("truncated snappy literal", reportAt);
                    n = 0;
                    for (int i = 0; i < extra; i++) n |= (long) (data[p++] & 0xFF) << (8 * i);
                }
                n += 1;
                if (n > end - p || n > out.length - o) throw corrupt("snappy literal out of range", reportAt);
                System.arraycopy(data, p, out, o, (int) n);
                p += (int) n;
                o += (int) n;
                continue;
            }
            int extra = (tag & 3) == 1 ? 1 : (tag & 3) == 2 ? 2 : 4;
            if (end - p < extra) throw corrupt("truncated snappy copy", reportAt);
            if ((tag & 3) == 1) {
                n = 4 + ((tag >>> 2) & 7);
                distance = (tag >>> 5) << 8 | (data[p] & 0xFF);
            } else {
                n = 1 + (tag >>> 2);
                long d = 0;
                for (int i = 0; i < extra; i++) d |= (long) (data[p + i] & 0xFF) << (8 * i);
                distance = d > Integer.MAX_VALUE ? 0 : (int) d;
            }
            p += extra;
            if (distance == 0 || distance > o || n > out.length - o) {
                throw corrupt("snappy copy out of range", reportAt);
            }
            for (int i = 0; i < n; i++, o++) out[o] = out[o - distance];
        }
        if (o != out.length) throw corrupt("snappy data shorter than its length", reportAt);
        CRC32 crc = new CRC32();
        crc.update(out, 0, o);
        int expected = (data[end] & 0xFF) << 24 | (data[end + 1] & 0xFF) << 16 | (data[end + 2] & 0xFF) << 8
                | (data[end + 3] & 0xFF);
        if ((int) crc.getValue() != expected) throw corrupt("snappy checksum mismatch", reportAt);
        return out;
    }

    private static AvroDataException tooLarge(int max, long reportAt) {
        return new AvroDataException(ErrorCode.RECORD_TOO_LARGE,
                "Container block decompresses to more than max.block.bytes=" + max, reportAt);
    }

    private static AvroDataException corrupt(String reason, long reportAt) {
        return new AvroDataException(ErrorCode.AVRO_SYNTAX, "Corrupt container block: " + reason, reportAt);
    }
}
