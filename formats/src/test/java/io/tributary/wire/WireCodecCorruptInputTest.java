package io.tributary.wire;

import static io.tributary.formats.ErrorCode.WIRE_BAD_MAGIC;
import static io.tributary.formats.ErrorCode.WIRE_MALFORMED;
import static io.tributary.formats.ErrorCode.WIRE_UNKNOWN_VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.record.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** Bad bytes yield a WireFormatException with the right code, and nothing else: no other exception, no huge allocation. */
class WireCodecCorruptInputTest {
    private static final WireCodec CODEC = WireCodec.get();
    private static final byte[] HEADER = Arrays.copyOf(CODEC.encode(new Record()), 10);
    private static final Set<String> CODES = Set.of(WIRE_BAD_MAGIC, WIRE_UNKNOWN_VERSION, WIRE_MALFORMED);
    private static final long MAX_ALLOCATION = 256 * 1024;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    interface Body {
        void write(BinaryEncoder out) throws IOException;
    }

    /** A message of the current version whose datum is written by {@code body}. */
    private static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(HEADER);
        BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(bytes, null);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** Writes an empty header: no key, source, times or attributes. */
    private static void emptyHeader(BinaryEncoder out) throws IOException {
        for (int i = 0; i < 4; i++) out.writeIndex(0);
        out.writeLong(0);
    }

    /** An envelope with one field "f" whose Value is written by {@code value}. */
    private static byte[] oneField(Body value) throws IOException {
        return message(out -> {
            emptyHeader(out);
            out.writeLong(1);
            out.writeString("f");
            value.write(out);
            out.writeLong(0);
        });
    }

    /** Asserts the code; measures the second decode, so that loading classes on first use does not count. */
    private static WireFormatException rejected(String code, byte[] message) {
        assertThrows(WireFormatException.class, () -> CODEC.decode(message));
        long before = THREADS.getCurrentThreadAllocatedBytes();
        WireFormatException e = assertThrows(WireFormatException.class, () -> CODEC.decode(message));
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(code, e.toParseError().code());
        assertTrue(allocated < MAX_ALLOCATION, "allocated " + allocated + " bytes for a " + message.length
                + "-byte message");
        return e;
    }

    @Test
    void notAnEnvelopeIsBadMagic() {
        rejected(WIRE_BAD_MAGIC, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        rejected(WIRE_BAD_MAGIC, new byte[] {0});
        rejected(WIRE_BAD_MAGIC, new byte[] {(byte) 0xC3, 0x02, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        byte[] otherMagic = CODEC.encode(new Record());
        otherMagic[0] = 0x4F;
        rejected(WIRE_BAD_MAGIC, otherMagic);
    }

    @Test
    void unknownFingerprintIsUnknownVersion() {
        for (int i = 2; i < 10; i++) {
            byte[] message = CODEC.encode(new WireValues(i).record());
            message[i] ^= 0x20;
            WireFormatException e = rejected(WIRE_UNKNOWN_VERSION, message);
            assertEquals(2, e.offset());
        }
    }

    @Test
    void everyTruncationIsMalformed() {
        byte[] message = CODEC.encode(new WireValues(8).record());
        for (int length = 0; length < message.length; length++) {
            rejected(WIRE_MALFORMED, Arrays.copyOf(message, length));
        }
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] message = CODEC.encode(new Record().put("a", 1L));
        rejected(WIRE_MALFORMED, Arrays.copyOf(message, message.length + 1));
    }

    @Test
    void invalidUtf8IsMalformedWithItsOffset() throws Exception {
        byte[] message = oneField(out -> {
            out.writeIndex(EnvelopeV1Writer.STRING);
            out.writeBytes(new byte[] {'o', 'k', (byte) 0xC3, 0x28}, 0, 4);
        });
        WireFormatException e = rejected(WIRE_MALFORMED, message);
        assertEquals(message.length - 3, e.offset(), e.getMessage());
        rejected(WIRE_MALFORMED, message(out -> {
            out.writeIndex(1);
            out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3);
            for (int i = 0; i < 5; i++) out.writeLong(0);
        }));
    }

    @Test
    void badUnionBranchesAreMalformed() throws Exception {
        rejected(WIRE_MALFORMED, oneField(out -> out.writeIndex(10)));
        rejected(WIRE_MALFORMED, oneField(out -> out.writeIndex(-1)));
        rejected(WIRE_MALFORMED, message(out -> {
            out.writeIndex(2);
            emptyHeader(out);
            out.writeLong(0);
        }));
    }

    @Test
    void timestampsOutsideInstantAreMalformed() throws Exception {
        long[][] bad = {{0, -1}, {0, 1_000_000_000}, {java.time.Instant.MAX.getEpochSecond() + 1, 0},
                {java.time.Instant.MIN.getEpochSecond() - 1, 0}, {Long.MIN_VALUE, 0}};
        for (long[] t : bad) {
            rejected(WIRE_MALFORMED, oneField(out -> {
                out.writeIndex(EnvelopeV1Writer.TIMESTAMP);
                out.writeLong(t[0]);
                out.writeInt((int) t[1]);
            }));
        }
    }

    @Test
    void emptyDecimalIsMalformed() throws Exception {
        rejected(WIRE_MALFORMED, oneField(out -> {
            out.writeIndex(EnvelopeV1Writer.DECIMAL);
            out.writeBytes(new byte[0], 0, 0);
            out.writeInt(2);
        }));
    }

    @Test
    void overlongVarintIsMalformed() throws Exception {
        byte[] message = oneField(out -> out.writeIndex(EnvelopeV1Writer.LONG));
        byte[] overlong = Arrays.copyOf(message, message.length + 10);
        Arrays.fill(overlong, message.length, overlong.length, (byte) 0xFF);
        rejected(WIRE_MALFORMED, overlong);
    }

    @Test
    void hugeLengthsAndCountsAllocateNothingLarge() throws Exception {
        long[] sizes = {Integer.MAX_VALUE - 8, Integer.MAX_VALUE, 1L << 40, Long.MAX_VALUE, 50_000_000};
        for (long size : sizes) {
            rejected(WIRE_MALFORMED, message(out -> {
                out.writeIndex(1);
                out.writeLong(size);
            }));
            rejected(WIRE_MALFORMED, oneField(out -> {
                out.writeIndex(EnvelopeV1Writer.BYTES);
                out.writeLong(size);
            }));
            rejected(WIRE_MALFORMED, oneField(out -> {
                out.writeIndex(EnvelopeV1Writer.DECIMAL);
                out.writeLong(size);
            }));
            rejected(WIRE_MALFORMED, message(out -> {
                emptyHeader(out);
                out.writeLong(size);
            }));
            rejected(WIRE_MALFORMED, oneField(out -> {
                out.writeIndex(EnvelopeV1Writer.LIST);
                out.writeLong(size);
                out.writeIndex(0);
            }));
            rejected(WIRE_MALFORMED, oneField(out -> {
                out.writeIndex(EnvelopeV1Writer.MAP);
                out.writeLong(-size);
                out.writeLong(size);
            }));
            rejected(WIRE_MALFORMED, message(out -> {
                for (int i = 0; i < 4; i++) out.writeIndex(0);
                out.writeLong(size);
            }));
        }
    }

    /** A datum whose one field nests {@code depth} levels of maps (or lists), the deepest value being null. */
    private static byte[] nested(int depth, boolean lists) throws IOException {
        return oneField(out -> {
            for (int level = 1; level < depth; level++) {
                out.writeIndex(lists ? EnvelopeV1Writer.LIST : EnvelopeV1Writer.MAP);
                out.writeLong(1);
                if (!lists) out.writeString("");
            }
            out.writeIndex(EnvelopeV1Writer.NULL);
            for (int level = 1; level < depth; level++) out.writeLong(0);
        });
    }

    @Test
    void nestingIsBoundedWithoutStackOverflow() throws Exception {
        for (boolean lists : new boolean[] {false, true}) {
            Record deepest = CODEC.decode(nested(WireCodec.MAX_DEPTH, lists));
            Object value = deepest.field("f");
            int depth = 1;
            while (value != null) {
                value = lists ? ((java.util.List<?>) value).get(0) : ((java.util.Map<?, ?>) value).get("");
                depth++;
            }
            assertEquals(WireCodec.MAX_DEPTH, depth);
            rejected(WIRE_MALFORMED, nested(WireCodec.MAX_DEPTH + 1, lists));
            rejected(WIRE_MALFORMED, nested(200_000, lists));
        }
    }

    @Test
    void fuzzedInputYieldsOnlyTheThreeCodes() throws Exception {
        Random random = new Random(2024);
        byte[][] seeds = new byte[20][];
        WireValues values = new WireValues(5);
        for (int i = 0; i < seeds.length; i++) seeds[i] = CODEC.encode(values.record());
        for (int i = 0; i < 24_000; i++) {
            byte[] input = switch (i % 4) {
                case 0 -> randomBytes(random, random.nextInt(201));
                case 1 -> withTail(HEADER, HEADER.length, random);
                case 2 -> {
                    byte[] seed = seeds[random.nextInt(seeds.length)];
                    yield withTail(seed, 10 + random.nextInt(seed.length - 9), random);
                }
                default -> mutate(seeds[random.nextInt(seeds.length)], random);
            };
            decodeSafely(input);
        }
    }

    /** The first {@code keep} bytes of {@code prefix}, then up to 200 random bytes, mostly small varints. */
    private static byte[] withTail(byte[] prefix, int keep, Random random) {
        byte[] out = Arrays.copyOf(prefix, keep + random.nextInt(201));
        for (int i = keep; i < out.length; i++) {
            out[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(24));
        }
        return out;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One to four random edits: set a byte, cut the tail, insert or delete a byte. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        for (int edits = 1 + random.nextInt(4); edits > 0 && out.length > 0; edits--) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out = Arrays.copyOf(out, at);
                case 2 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
                default -> {
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                }
            }
        }
        return out;
    }

    private static void decodeSafely(byte[] input) {
        try {
            Record record = CODEC.decode(input);
            assertEquals(record, CODEC.decode(CODEC.encode(record)), "whatever decodes, re-encodes");
        } catch (WireFormatException e) {
            if (!CODES.contains(e.code())) fail("unexpected code " + e.code() + " for " + hex(input));
        } catch (Throwable t) {
            throw new AssertionError("decode threw " + t + " for " + hex(input), t);
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            CODEC.decode(input);
        } catch (WireFormatException expected) {
            // measured, not checked again
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (allocated > MAX_ALLOCATION) fail("allocated " + allocated + " bytes for " + hex(input));
    }

    private static String hex(byte[] input) {
        return HexFormat.of().formatHex(input);
    }
}
