package io.tributary.origins.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class GzipBodyTest {
    private static final long BIG = 64L * 1024 * 1024;

    private static byte[] decode(byte[] gz, long maxCompressed, long maxOut, int... splits) throws Exception {
        GzipBody body = new GzipBody(maxCompressed, maxOut);
        try {
            int from = 0;
            for (int split : splits) {
                feed(body, Arrays.copyOfRange(gz, from, split));
                from = split;
            }
            feed(body, Arrays.copyOfRange(gz, from, gz.length));
            return body.finish();
        } finally {
            body.discard();
        }
    }

    private static void feed(GzipBody body, byte[] bytes) throws Exception {
        ByteBuf buf = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        try {
            body.append(buf);
        } finally {
            buf.release();
        }
    }

    /** A gzip member with every optional header field (FEXTRA, FNAME, FCOMMENT, FHCRC). */
    private static byte[] fullHeaderMember(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3});
        out.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
        out.writeBytes("name.json\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {0x12, 0x34});
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buf = new byte[data.length + 1024];
        int n = deflater.deflate(buf);
        deflater.end();
        out.write(buf, 0, n);
        CRC32 crc = new CRC32();
        crc.update(data);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) out.write((int) (c >>> (8 * i)));
        for (int i = 0; i < 4; i++) out.write(data.length >>> (8 * i));
        return out.toByteArray();
    }

    @Test
    void decodesWhateverTheChunkBoundaries() throws Exception {
        byte[] data = "{\"temperature\":21.5,\"device\":\"d-1\"}".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] gz = HttpOriginFixture.gzip(data);
        for (int split = 0; split <= gz.length; split++) {
            assertArrayEquals(data, decode(gz, BIG, BIG, split), "split at " + split);
        }
        int[] everyByte = new int[gz.length - 1];
        for (int i = 0; i < everyByte.length; i++) everyByte[i] = i + 1;
        assertArrayEquals(data, decode(gz, BIG, BIG, everyByte));
    }

    @Test
    void readsEveryOptionalHeaderField() throws Exception {
        byte[] data = "hello gzip header fields".getBytes(StandardCharsets.UTF_8);
        byte[] gz = fullHeaderMember(data);
        for (int split = 0; split <= gz.length; split++) {
            assertArrayEquals(data, decode(gz, BIG, BIG, split), "split at " + split);
        }
    }

    @Test
    void concatenatedMembersAreOneBody() throws Exception {
        byte[] a = "first,".getBytes(StandardCharsets.UTF_8);
        byte[] b = "second".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(HttpOriginFixture.gzip(a));
        both.writeBytes(fullHeaderMember(b));
        assertArrayEquals("first,second".getBytes(StandardCharsets.UTF_8), decode(both.toByteArray(), BIG, BIG));
    }

    @Test
    void largeRandomBodyRoundTrips() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        byte[] gz = HttpOriginFixture.gzip(data);
        assertArrayEquals(data, decode(gz, BIG, BIG, 100, 65_536, 1_000_000));
    }

    @Test
    void stopsAtTheDecompressedLimit() throws Exception {
        byte[] gz = HttpOriginFixture.gzip(new byte[10 * 1024 * 1024]);
        assertTrue(gz.length < 20_000, "zeros compress to " + gz.length);
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> decode(gz, BIG, 1024 * 1024));
        assertTrue(e.getMessage().contains("gzip.max.bytes"), e.getMessage());
    }

    @Test
    void stopsAtTheCompressedLimit() throws Exception {
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        byte[] gz = HttpOriginFixture.gzip(data);
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> decode(gz, 50_000, BIG));
        assertTrue(e.getMessage().contains("max.body.bytes"), e.getMessage());
    }

    @Test
    void rejectsBrokenGzip() throws Exception {
        byte[] gz = HttpOriginFixture.gzip("some body".getBytes(StandardCharsets.UTF_8));
        assertThrows(ZipException.class, () -> decode("not gzip".getBytes(StandardCharsets.UTF_8), BIG, BIG));
        assertThrows(ZipException.class, () -> decode(new byte[0], BIG, BIG));
        assertThrows(ZipException.class, () -> decode(Arrays.copyOf(gz, gz.length - 3), BIG, BIG));
        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 6] ^= 1;
        assertThrows(ZipException.class, () -> decode(badCrc, BIG, BIG));
        byte[] badLength = gz.clone();
        badLength[badLength.length - 1] ^= 1;
        assertThrows(ZipException.class, () -> decode(badLength, BIG, BIG));
        byte[] badData = gz.clone();
        badData[12] = (byte) 0xff;
        badData[13] = (byte) 0xff;
        assertThrows(ZipException.class, () -> decode(badData, BIG, BIG));
        byte[] trailingGarbage = Arrays.copyOf(gz, gz.length + 2);
        assertThrows(ZipException.class, () -> decode(trailingGarbage, BIG, BIG));
    }
}
