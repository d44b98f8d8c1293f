package io.tributary.origins.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.config.Settings;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import io.tributary.origins.Origins;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every origin meets. An origin's test subclasses this kit, names its type, gives options that
 * bind to free ports on 127.0.0.1 and a real protocol client; the kit then checks: N payloads in -> N payloads
 * handed over, in order for one client; no acknowledgement before the payload is durable; a malformed payload
 * is answered as such and the origin keeps running; back-pressure is applied and counted; metrics move; close
 * is prompt.
 */
public abstract class OriginContractKit {
    /** What a sender saw for one payload. */
    public enum Outcome { ACKED, REJECTED, REFUSED, NO_ANSWER }

    /** A real client of the protocol, connected to the started origin. */
    public interface Client extends AutoCloseable {
        /** Sends one payload and waits (up to {@code timeout}) for what the origin answers. */
        Outcome send(byte[] payload, Duration timeout) throws Exception;

        @Override
        void close() throws Exception;
    }

    protected final RecordingIngest ingest = new RecordingIngest();
    protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    protected Origin origin;

    protected abstract String type();

    /** Options binding to free ports on 127.0.0.1 (or the test broker). */
    protected abstract Map<String, Object> options() throws Exception;

    /** A client connected to {@link #origin}, started. */
    protected abstract Client client() throws Exception;

    /** Whether the protocol acknowledges (UDP does not). */
    protected boolean acknowledges() {
        return true;
    }

    @BeforeEach
    void startOrigin() throws Exception {
        OriginType type = Origins.get("type", type());
        Settings settings = type.options().parse(options());
        origin = type.create(settings, new OriginContext("agent-1", type() + "-1", "p1", registry));
        origin.start(ingest);
    }

    @AfterEach
    void closeOrigin() {
        if (origin != null) origin.close();
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nPayloadsInNPayloadsHandedOverInOrder() throws Exception {
        List<String> sent = new ArrayList<>();
        try (Client c = client()) {
            for (int i = 0; i < 50; i++) {
                String body = "{\"n\":" + i + "}";
                sent.add(body);
                Outcome outcome = c.send(bytes(body), Duration.ofSeconds(10));
                assertEquals(acknowledges() ? Outcome.ACKED : Outcome.NO_ANSWER, outcome, "payload " + i);
            }
        }
        awaitPayloads(50);
        assertEquals(sent, ingest.bodies());
        ingest.payloads.forEach(p -> assertTrue(p.attributes().containsKey("remote.address"), p.attributes().toString()));
        ingest.payloads.forEach(p -> assertTrue(p.source().startsWith(type()), p.source()));
    }

    @Test
    void noAcknowledgementBeforeDurable() throws Exception {
        if (!acknowledges()) return;
        ingest.hold();
        try (Client c = client()) {
            CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    return c.send(bytes("{\"held\":true}"), Duration.ofSeconds(20));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitPayloads(1);
            Thread.sleep(300);
            assertTrue(!outcome.isDone(), "acknowledged before the payload was durable: " + outcome.getNow(null));
            ingest.release();
            assertEquals(Outcome.ACKED, outcome.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void malformedPayloadIsAnsweredAndTheOriginKeepsRunning() throws Exception {
        try (Client c = client()) {
            Outcome bad = c.send(bytes("BAD{"), Duration.ofSeconds(10));
            if (acknowledges()) assertNotEquals(Outcome.REFUSED, bad);
            assertEquals(acknowledges() ? Outcome.ACKED : Outcome.NO_ANSWER, c.send(bytes("{\"ok\":1}"),
                    Duration.ofSeconds(10)));
        }
        awaitPayloads(2);
    }

    @Test
    void backPressureIsAppliedAndCounted() throws Exception {
        double before = counted();
        ingest.refuse();
        try (Client c = client()) {
            Outcome refused = c.send(bytes("{\"n\":1}"), Duration.ofSeconds(2));
            assertNotEquals(Outcome.ACKED, refused);
            // Without an answer the client cannot tell when the origin saw the payload: wait for the refusal.
            if (!acknowledges()) awaitRefusals(1);
            ingest.accept();
            assertBackPressureRecovered(c);
        }
        assertTrue(counted() > before, "metrics did not move");
    }

    /** After back-pressure ends, the origin takes payloads again (MQTT: the broker redelivers). */
    protected void assertBackPressureRecovered(Client c) throws Exception {
        assertEquals(acknowledges() ? Outcome.ACKED : Outcome.NO_ANSWER, c.send(bytes("{\"n\":2}"),
                Duration.ofSeconds(10)));
    }

    @Test
    void metricsMove() throws Exception {
        double before = counted();
        try (Client c = client()) {
            c.send(bytes("{\"n\":1}"), Duration.ofSeconds(10));
        }
        awaitPayloads(1);
        assertTrue(counted() > before, "no meter of the origin moved");
    }

    @Test
    void closeIsPrompt() throws Exception {
        ingest.hold();
        try (Client c = client()) {
            CompletableFuture.runAsync(() -> {
                try {
                    c.send(bytes("{\"n\":1}"), Duration.ofSeconds(5));
                } catch (Exception ignored) {
                    // the origin is closing under it
                }
            });
            awaitPayloads(1);
            long start = System.nanoTime();
            origin.close();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms < 3000, "close took " + ms + " ms");
        } finally {
            ingest.release();
        }
    }

    /** The sum of every counter of this origin (tagged with its id). */
    protected double counted() {
        double sum = 0;
        for (Meter m : registry.getMeters()) {
            if (!(type() + "-1").equals(m.getId().getTag("origin"))) continue;
            for (var measurement : m.measure()) {
                if (measurement.getStatistic().name().equals("COUNT")) sum += measurement.getValue();
            }
        }
        return sum;
    }

    protected void awaitRefusals(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ingest.refusals.get() < n && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(ingest.refusals.get() >= n, "only " + ingest.refusals.get() + " of " + n + " payloads were refused");
    }

    protected void awaitPayloads(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ingest.payloads.size() < n && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(ingest.payloads.size() >= n, "only " + ingest.payloads.size() + " of " + n + " payloads arrived");
    }
}
