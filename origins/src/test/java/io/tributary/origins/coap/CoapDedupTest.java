package io.tributary.origins.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.origins.kit.RecordingIngest;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Duplicate detection and its memory bound, with hand-made CoAP datagrams so that a retransmission (same message
 * id) can be sent on purpose; and a large datagram without block-wise transfer.
 */
class CoapDedupTest {
    private final RecordingIngest ingest = new RecordingIngest();

    /** A CON POST to /ingest: header, Uri-Path option, Content-Format 50, payload. */
    private static byte[] conPost(int messageId, String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x40); // version 1, CON, no token
        out.write(0x02); // POST
        out.write(messageId >> 8);
        out.write(messageId & 0xff);
        out.write(0xB6); // option 11 Uri-Path, length 6
        out.writeBytes("ingest".getBytes(StandardCharsets.US_ASCII));
        out.write(0x11); // option 12 Content-Format (delta 1), length 1
        out.write(50);
        out.write(0xFF);
        out.writeBytes(body.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Sends {@code datagram} and returns the answer's "class.detail" code and message id. */
    private static String exchange(DatagramSocket socket, int port, byte[] datagram) throws Exception {
        socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
        byte[] buffer = new byte[1500];
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        socket.receive(answer);
        int code = buffer[1] & 0xff;
        int type = (buffer[0] >> 4) & 0x3;
        int mid = ((buffer[2] & 0xff) << 8) | (buffer[3] & 0xff);
        return "type=" + type + " code=" + (code >> 5) + "." + String.format("%02d", code & 0x1f) + " mid=" + mid;
    }

    private static int port(CoapOriginHarness h) {
        return URI.create(h.origin.describe()).getPort();
    }

    @Test
    void aRetransmittedRequestIsTakenOnceAndAnsweredAgain() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest);
                DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            byte[] request = conPost(4711, "{\"once\":true}");
            assertEquals("type=2 code=2.04 mid=4711", exchange(socket, port(h), request));
            assertEquals("type=2 code=2.04 mid=4711", exchange(socket, port(h), request));
            assertEquals("type=2 code=2.04 mid=4712", exchange(socket, port(h), conPost(4712, "{\"twice\":true}")));
            assertEquals(2, ingest.payloads.size(), ingest.bodies().toString());
            assertEquals(2, h.meter("tributary.coap.dedup.entries"));
        }
    }

    @Test
    void theDuplicateStoreIsCappedAndCountsWhatItCouldNotKeep() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("dedup.max.entries", 5, "dedup", "mark_and_sweep"),
                ingest); DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            for (int mid = 1; mid <= 20; mid++) {
                assertEquals("type=2 code=2.04 mid=" + mid, exchange(socket, port(h), conPost(mid, "{}")));
            }
            assertEquals(5, h.meter("tributary.coap.dedup.entries"));
            assertEquals(15, h.meter("tributary.coap.dedup.overflow"));
            // a remembered request is still recognised at the cap; one that was not kept is taken again
            exchange(socket, port(h), conPost(1, "{}"));
            assertEquals(20, ingest.payloads.size());
            exchange(socket, port(h), conPost(20, "{}"));
            assertEquals(21, ingest.payloads.size());
        }
    }

    @Test
    void perPeerStoreKeepsOnlyTheLatestRequestsOfAPeer() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("dedup.peer.messages", 4), ingest);
                DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            for (int mid = 1; mid <= 10; mid++) exchange(socket, port(h), conPost(mid, "{}"));
            assertEquals(4, h.meter("tributary.coap.dedup.entries"));
        }
    }

    @Test
    void aLargeSingleDatagramWithoutBlocksIsTaken() throws Exception {
        String body = "{\"pad\":\"" + "x".repeat(30_000) + "\"}";
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest);
                DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            assertEquals("type=2 code=2.04 mid=9", exchange(socket, port(h), conPost(9, body)));
            assertEquals(List.of(body), ingest.bodies());
        }
    }

    @Test
    void rememberedRequestsExpireAfterTheExchangeLifetime() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("exchange.lifetime.ms", 1000), ingest);
                DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            exchange(socket, port(h), conPost(7, "{}"));
            assertEquals(1, h.meter("tributary.coap.dedup.entries"));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (h.meter("tributary.coap.dedup.entries") > 0 && System.nanoTime() < deadline) Thread.sleep(50);
            assertEquals(0, h.meter("tributary.coap.dedup.entries"));
            assertTrue(ingest.payloads.size() == 1);
        }
    }
}
