package io.tributary.origins.coap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tributary.origins.BackPressureException;
import io.tributary.origins.Ingest;
import io.tributary.origins.kit.RecordingIngest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origin against an independent client: libcoap's coap-client (Debian package libcoap3-bin, binaries
 * {@code coap-client-notls} and {@code coap-client-openssl}; there is no plain coap-client). Fails, does not
 * skip, when the binaries are missing: CI installs them.
 */
class CoapOriginIT {
    private static final String NOTLS = "coap-client-notls";
    private static final String OPENSSL = "coap-client-openssl";

    @TempDir
    Path dir;

    private final RecordingIngest ingest = new RecordingIngest();

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + ", stdout: " + out + ", stderr: " + err;
        }
    }

    private static String binary(String name) {
        for (String p : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, name))) return Path.of(p, name).toString();
        }
        fail(name + " not found on PATH: install the Debian package libcoap3-bin "
                + "(apt-get install -y --no-install-recommends libcoap3-bin)");
        return null;
    }

    private Result coapClient(String binary, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(binary(binary));
        command.addAll(List.of("-B", "10"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out).trim(), Files.readString(err).trim());
    }

    @Test
    void conPost() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest)) {
            Result r = coapClient(NOTLS, "-m", "post", "-t", "50", "-e", "{\"t\":21.5}", h.uri("ingest"));
            assertEquals(0, r.exit(), r.toString());
            assertEquals(List.of("{\"t\":21.5}"), ingest.bodies());
            assertEquals("application/json", ingest.payloads.get(0).contentType());
            assertEquals("CON", ingest.payloads.get(0).attributes().get("coap.type"));
            assertEquals(1, h.meter("tributary.coap.payloads.acked"));
        }
    }

    @Test
    void nonPost() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("paths", "mall/sensors"), ingest)) {
            Result r = coapClient(NOTLS, "-N", "-m", "post", "-t", "0", "-e", "temp 21", h.uri("mall/sensors"));
            assertEquals(0, r.exit(), r.toString());
            assertEquals(List.of("temp 21"), ingest.bodies());
            assertEquals("NON", ingest.payloads.get(0).attributes().get("coap.type"));
            assertEquals("coap:mall/sensors", ingest.payloads.get(0).source());
            assertEquals("text/plain", ingest.payloads.get(0).contentType());
        }
    }

    @Test
    void blockwisePostOfAFile() throws Exception {
        byte[] body = new byte[20_000];
        new Random(7).nextBytes(body);
        Path file = dir.resolve("bigfile");
        Files.write(file, body);
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest)) {
            Result r = coapClient(NOTLS, "-m", "post", "-t", "42", "-b", "64", "-f", file.toString(), h.uri("ingest"));
            assertEquals(0, r.exit(), r.toString());
            assertEquals(1, ingest.payloads.size());
            assertArrayEquals(body, ingest.payloads.get(0).body());
            assertTrue(h.meter("tributary.coap.responses", "code", "2.31") >= 300, "one 2.31 per 64-byte block");
        }
    }

    @Test
    void heldUntilDurable() throws Exception {
        ingest.hold();
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), ingest)) {
            CompletableFuture<Result> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return coapClient(NOTLS, "-m", "post", "-t", "50", "-e", "{}", h.uri("ingest"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (ingest.payloads.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
            Thread.sleep(1500);
            assertTrue(!result.isDone(), "coap-client finished before the payload was durable: " + result.getNow(null));
            ingest.release();
            assertEquals(0, result.get(20, TimeUnit.SECONDS).exit());
            assertEquals(1, h.meter("tributary.coap.separate.responses"), "the empty ACK came after 1 s");
            assertEquals(1, ingest.payloads.size(), "retransmissions were recognised as duplicates");
        }
    }

    @Test
    void errorAnswersReachTheClient() throws Exception {
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of("max.body.bytes", 100, "max.inflight.bytes", 100),
                ingest)) {
            Result malformed = coapClient(NOTLS, "-m", "post", "-t", "50", "-e", "BAD{", h.uri("ingest"));
            assertEquals("4.00 JSON_SYNTAX: test: malformed payload", malformed.err(), malformed.toString());
            Result tooLarge = coapClient(NOTLS, "-m", "post", "-e", "x".repeat(500), h.uri("ingest"));
            assertEquals("4.13 body too large, max. 100 bytes", tooLarge.err(), tooLarge.toString());
            Files.write(dir.resolve("toolarge"), new byte[5000]);
            Result blocks = coapClient(NOTLS, "-m", "post", "-b", "64", "-f", dir.resolve("toolarge").toString(),
                    h.uri("ingest"));
            assertTrue(blocks.err().startsWith("4.13"), blocks.toString());
            Result get = coapClient(NOTLS, "-m", "get", h.uri("ingest"));
            assertEquals("4.05", get.err(), get.toString());
            assertTrue(ingest.payloads.size() == 1, "only the malformed payload was taken (as an error record)");
        }
    }

    @Test
    void backPressureAnswers503() throws Exception {
        Ingest busy = p -> CompletableFuture.failedFuture(new BackPressureException("full", Duration.ofSeconds(3)));
        try (CoapOriginHarness h = new CoapOriginHarness(Map.of(), busy)) {
            Result r = coapClient(NOTLS, "-m", "post", "-t", "50", "-e", "{}", h.uri("ingest"));
            assertEquals("5.03 busy, retry after Max-Age seconds", r.err(), r.toString());
            assertEquals(1, h.meter("tributary.coap.payloads.rejected", "reason", "back_pressure"));
        }
    }

    @Test
    void dtlsWithPreSharedKey() throws Exception {
        Map<String, Object> options = Map.of("dtls.enabled", true, "dtls.psk", List.of("sensor-7=s3cret-key"));
        try (CoapOriginHarness h = new CoapOriginHarness(options, ingest)) {
            Result r = coapClient(OPENSSL, "-u", "sensor-7", "-k", "s3cret-key", "-m", "post", "-t", "50",
                    "-e", "{\"dtls\":true}", h.uri("ingest"));
            assertEquals(0, r.exit(), r.toString());
            assertEquals(List.of("{\"dtls\":true}"), ingest.bodies());
            assertEquals("sensor-7", ingest.payloads.get(0).attributes().get("coap.identity"));

            Result wrong = coapClient(OPENSSL, "-B", "3", "-u", "sensor-7", "-k", "wrong", "-m", "post", "-e", "{}",
                    h.uri("ingest"));
            assertTrue(wrong.exit() != 0 || (wrong.out() + wrong.err()).contains("cannot send"), wrong.toString());
            assertEquals(1, ingest.payloads.size(), "nothing taken with a wrong key");
        }
    }
}
