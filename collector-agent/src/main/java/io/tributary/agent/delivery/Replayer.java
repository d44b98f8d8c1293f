package io.tributary.agent.delivery;

import io.tributary.agent.spool.Spool;
import io.tributary.agent.spool.SpoolEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the spool into Kafka, oldest first: sends a chunk, waits until Kafka acknowledged all of it, then
 * acknowledges the chunk to the spool (which may then delete it). On a failure it rewinds and tries again after a
 * capped exponential backoff, so a chunk can be sent more than once (at least once) but never skipped.
 *
 * <p>Runs on its own thread; it sleeps while there is nothing to replay.
 */
final class Replayer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);
    private static final int CHUNK_MESSAGES = 1000;
    private static final long CHUNK_BYTES = 4L << 20;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final String pipeline;
    private final Producer<byte[], byte[]> producer;
    private final Spool spool;
    private final DeliveryMetrics metrics;
    private final Runnable onDrained;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean active;

    Replayer(String pipeline, Producer<byte[], byte[]> producer, Spool spool, DeliveryMetrics metrics,
            Runnable onDrained) {
        this.pipeline = pipeline;
        this.producer = producer;
        this.spool = spool;
        this.metrics = metrics;
        this.onDrained = onDrained;
        this.thread = KafkaDelivery.daemon(this, "replay-" + pipeline);
    }

    void start(boolean activeNow) {
        active = activeNow;
        thread.start();
    }

    /** There may be something in the spool. */
    void wake() {
        active = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        long backoffMs = 100;
        while (running) {
            if (!active) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
                continue;
            }
            try {
                List<SpoolEntry> chunk = spool.read(CHUNK_MESSAGES, CHUNK_BYTES);
                if (chunk.isEmpty()) {
                    active = false;
                    onDrained.run();
                    continue;
                }
                sendAll(chunk);
                spool.acknowledge(chunk);
                metrics.replayed(chunk.size());
                backoffMs = 100;
            } catch (Exception e) {
                if (!running) return;
                LOG.warn("Pipeline {}: replay from the spool failed ({}); retrying in {} ms", pipeline, e.toString(),
                        backoffMs);
                try {
                    spool.rewind();
                } catch (Exception rewindFailure) {
                    LOG.error("Pipeline {}: cannot rewind the spool: {}", pipeline, rewindFailure.toString());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMs));
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            }
        }
    }

    private void sendAll(List<SpoolEntry> chunk) throws Exception {
        // Metadata first: a send that fails for want of it while a later one succeeds would reorder a key.
        chunk.stream().map(e -> e.outgoing().topic()).distinct().forEach(producer::partitionsFor);
        List<CompletableFuture<Void>> acks = new ArrayList<>(chunk.size());
        for (SpoolEntry entry : chunk) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            producer.send(Messages.toRecord(entry.outgoing()), (metadata, error) -> {
                if (error == null) ack.complete(null);
                else ack.completeExceptionally(error);
            });
            acks.add(ack);
        }
        CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0])).get();
    }

    void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
