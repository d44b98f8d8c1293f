package io.tributary.agent.delivery;

import io.tributary.agent.spool.Spool;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to Kafka and falls back to the spool when Kafka cannot take them.
 *
 * <p>Two modes. Direct: each message is sent with the idempotent producer; its batch is durable once Kafka
 * acknowledged it. When a send fails with a retriable error (Kafka unreachable past the producer's delivery
 * timeout, or its buffer full), the delivery switches to spooling: the failed message and every message after
 * it go to the spool, and each is durable once fsynced there. New messages are held in memory until every
 * direct send still in flight has resolved, then spooled behind them, so a message never overtakes an older
 * one with the same key. The {@link Replayer} drains the spool in order while Kafka takes messages again; once
 * the spool is empty, the delivery goes back to direct.
 *
 * <p>Threading: all mode decisions run on one event-loop thread; producer callbacks post to it.
 */
public final class KafkaDelivery implements Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaDelivery.class);

    private record Held(List<Outgoing> batch, BatchTracker tracker) {
    }

    private final Producer<byte[], byte[]> producer;
    private final Spool spool;
    private final DeliveryMetrics metrics;
    private final ExecutorService loop;
    private final Replayer replayer;
    private final AtomicInteger directInFlight = new AtomicInteger();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private volatile boolean spooling;
    private volatile boolean closed;

    public KafkaDelivery(String pipeline, Producer<byte[], byte[]> producer, Spool spool, DeliveryMetrics metrics) {
        this.producer = producer;
        this.spool = spool;
        this.metrics = metrics;
        this.loop = Executors.newSingleThreadExecutor(r -> daemon(r, "delivery-" + pipeline));
        this.replayer = new Replayer(pipeline, producer, spool, metrics, this::onSpoolDrained);
        this.spooling = !spool.isEmpty();
        metrics.bind(this::isSpooling, outstanding);
        if (spooling) {
            LOG.info("Pipeline {}: the spool holds {} messages from an earlier run; replaying them first", pipeline,
                    spool.entries());
        }
        replayer.start(spooling);
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public boolean isSpooling() {
        return spooling;
    }

    @Override
    public CompletableFuture<Void> deliver(List<Outgoing> batch) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException("Delivery is closed"));
        BatchTracker tracker = new BatchTracker(batch.size(), outstanding);
        if (!batch.isEmpty()) loop.execute(() -> onDeliver(batch, tracker));
        return tracker.future;
    }

    private void onDeliver(List<Outgoing> batch, BatchTracker tracker) {
        if (!spooling) {
            for (Outgoing message : batch) send(message, tracker);
        } else if (directInFlight.get() > 0 || !held.isEmpty()) {
            held.add(new Held(batch, tracker));
        } else {
            toSpool(batch, tracker);
        }
    }

    private void send(Outgoing message, BatchTracker tracker) {
        directInFlight.incrementAndGet();
        long start = System.nanoTime();
        Thread caller = Thread.currentThread();
        try {
            producer.send(Messages.toRecord(message), (metadata, error) -> {
                if (error == null) {
                    metrics.sent(System.nanoTime() - start);
                    tracker.done(1);
                    if (directInFlight.decrementAndGet() == 0 && spooling) loop.execute(this::releaseHeld);
                } else if (Thread.currentThread() == caller) {
                    onSendFailed(message, tracker, error); // failed inside send(): switch before the next message
                } else {
                    loop.execute(() -> onSendFailed(message, tracker, error));
                }
            });
        } catch (RuntimeException e) {
            onSendFailed(message, tracker, e);
        }
    }

    private void onSendFailed(Outgoing message, BatchTracker tracker, Exception error) {
        if (error instanceof RetriableException || error instanceof org.apache.kafka.common.errors.TimeoutException) {
            if (!spooling) {
                LOG.warn("Kafka cannot take messages ({}); spooling until it can", error.toString());
                spooling = true;
                replayer.wake();
            }
            toSpool(List.of(message), tracker);
        } else {
            metrics.failed();
            LOG.error("Kafka rejected a message for {} for good: {}", message.topic(), error.toString());
            tracker.fail(1, error);
        }
        if (directInFlight.decrementAndGet() == 0) releaseHeld();
    }

    private void releaseHeld() {
        if (directInFlight.get() > 0) return;
        Held h;
        while ((h = held.poll()) != null) toSpool(h.batch(), h.tracker());
    }

    private void toSpool(List<Outgoing> batch, BatchTracker tracker) {
        spool.append(batch).whenComplete((ok, error) -> {
            if (error == null) {
                metrics.spooled(batch.size());
                tracker.done(batch.size());
            } else {
                tracker.fail(batch.size(), error);
            }
        });
        replayer.wake();
    }

    /** Called by the replayer when it found the spool empty: back to direct if nothing else is pending. */
    private void onSpoolDrained() {
        loop.execute(() -> {
            if (spooling && held.isEmpty() && directInFlight.get() == 0 && spool.isEmpty()) {
                spooling = false;
                LOG.info("Spool drained; sending to Kafka directly again");
            } else if (spooling) {
                replayer.wake();
            }
        });
    }

    @Override
    public void close(long timeoutMs) {
        if (closed) return;
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (outstanding.get() > 0) {
            LOG.warn("{} messages were not durable when the delivery stopped; their senders were not acknowledged",
                    outstanding.get());
        }
        replayer.close();
        producer.close(java.time.Duration.ofMillis(Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
        loop.shutdown();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spool.close();
    }
}
