package io.tributary.origins.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.origins.BackPressureException;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link Ingest} whose behaviour a test switches: accept (durable at once), hold (durable when the test
 * releases that body), refuse (back-pressure, nothing kept) or fail (accepted, then the stage fails as when
 * Kafka and the spool are both unavailable). Keeps every accepted payload, in order, in a list that stays cheap
 * for 100k payloads.
 */
final class ControlledIngest implements Ingest {
    enum Mode { ACCEPT, HOLD, REFUSE, FAIL }

    private final List<Payload> payloads = new ArrayList<>();
    private final Map<String, CompletableFuture<IngestResult>> held = new LinkedHashMap<>();
    final AtomicInteger refused = new AtomicInteger();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile Duration retryAfter = Duration.ofMillis(200);

    ControlledIngest mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    ControlledIngest retryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }

    @Override
    public CompletionStage<IngestResult> submit(Payload payload) {
        Mode m = mode;
        if (m == Mode.REFUSE) {
            refused.incrementAndGet();
            return CompletableFuture.failedFuture(new BackPressureException("test refuses", retryAfter));
        }
        String body = new String(payload.body(), StandardCharsets.UTF_8);
        synchronized (this) {
            payloads.add(payload);
        }
        IngestResult ok = new IngestResult(1, 0, List.of());
        switch (m) {
            case HOLD -> {
                CompletableFuture<IngestResult> f = new CompletableFuture<>();
                synchronized (this) {
                    held.put(body, f);
                }
                return f;
            }
            case FAIL -> {
                return CompletableFuture.supplyAsync(() -> {
                    throw new IllegalStateException("test: Kafka and the spool are unavailable");
                }, CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS));
            }
            default -> {
                return CompletableFuture.completedFuture(ok);
            }
        }
    }

    /** Makes the held payload with this body durable. */
    void release(String body) {
        CompletableFuture<IngestResult> f;
        synchronized (this) {
            f = held.remove(body);
        }
        if (f == null) throw new AssertionError("nothing held with body " + body + "; held: " + held.keySet());
        f.complete(new IngestResult(1, 0, List.of()));
    }

    void releaseAll() {
        List<CompletableFuture<IngestResult>> all;
        synchronized (this) {
            all = new ArrayList<>(held.values());
            held.clear();
        }
        all.forEach(f -> f.complete(new IngestResult(1, 0, List.of())));
    }

    synchronized List<Payload> payloads() {
        return new ArrayList<>(payloads);
    }

    synchronized int size() {
        return payloads.size();
    }

    List<String> bodies() {
        return payloads().stream().map(p -> new String(p.body(), StandardCharsets.UTF_8)).toList();
    }

    void awaitPayloads(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (size() < n && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(size() >= n, "only " + size() + " of " + n + " payloads arrived: " + bodies());
    }
}
