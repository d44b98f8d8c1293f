package io.tributary.origins.kit;

import io.tributary.formats.ParseError;
import io.tributary.origins.BackPressureException;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link Ingest} for origin tests: keeps every payload, treats a body starting with {@code BAD} as a payload
 * that fails to parse (an error record is "stored", nothing else), makes payloads durable at once or only when
 * {@link #release()} is called, and can refuse everything with back-pressure.
 */
public final class RecordingIngest implements Ingest {
    public final List<Payload> payloads = new CopyOnWriteArrayList<>();
    /** How many submits were refused with back-pressure. */
    public final AtomicInteger refusals = new AtomicInteger();
    private volatile boolean holding;
    private volatile boolean refusing;
    private volatile CountDownLatch released = new CountDownLatch(0);

    /** Payloads become durable only after {@link #release()}. */
    public void hold() {
        released = new CountDownLatch(1);
        holding = true;
    }

    public void release() {
        holding = false;
        released.countDown();
    }

    /** Every submit fails with {@link BackPressureException} until {@link #accept()}. */
    public void refuse() {
        refusing = true;
    }

    public void accept() {
        refusing = false;
    }

    public List<String> bodies() {
        return payloads.stream().map(p -> new String(p.body(), StandardCharsets.UTF_8)).toList();
    }

    @Override
    public CompletionStage<IngestResult> submit(Payload payload) {
        if (refusing) {
            refusals.incrementAndGet();
            return CompletableFuture.failedFuture(new BackPressureException("test refuses", Duration.ofSeconds(1)));
        }
        payloads.add(payload);
        boolean bad = new String(payload.body(), 0, Math.min(3, payload.body().length), StandardCharsets.UTF_8)
                .equals("BAD");
        IngestResult result = bad
                ? new IngestResult(0, 1, List.of(new ParseError("JSON_SYNTAX", "test: malformed payload", 0)))
                : new IngestResult(1, 0, List.of());
        if (!holding) return CompletableFuture.completedFuture(result);
        CountDownLatch latch = released;
        return CompletableFuture.supplyAsync(() -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        });
    }
}
