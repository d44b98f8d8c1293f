package io.tributary.agent.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.tributary.agent.spool.Spool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** The meters of one pipeline's delivery: Kafka sends, the spool, replay. */
public final class DeliveryMetrics {
    private final MeterRegistry registry;
    private final Tags tags;
    private final Timer sendLatency;
    private final Counter sentDirect;
    private final Counter spooled;
    private final Counter replayed;
    private final Counter failed;

    public DeliveryMetrics(MeterRegistry registry, String pipeline, Spool spool) {
        this.registry = registry;
        this.tags = Tags.of("pipeline", pipeline);
        sendLatency = Timer.builder("tributary.kafka.send.latency").tags(tags)
                .description("From send until Kafka acknowledged").register(registry);
        sentDirect = registry.counter("tributary.kafka.sent", tags.and("path", "direct"));
        replayed = registry.counter("tributary.kafka.sent", tags.and("path", "replay"));
        spooled = registry.counter("tributary.spool.appended", tags);
        failed = registry.counter("tributary.kafka.failed", tags);
        Gauge.builder("tributary.spool.bytes", spool, Spool::bytes).tags(tags).register(registry);
        Gauge.builder("tributary.spool.entries", spool, Spool::entries).tags(tags).register(registry);
        Gauge.builder("tributary.spool.dropped", spool, Spool::droppedEntries).tags(tags)
                .description("Entries deleted unsent by the drop-oldest policy").register(registry);
    }

    void bind(BooleanSupplier spooling, AtomicInteger outstanding) {
        Gauge.builder("tributary.delivery.spooling", () -> spooling.getAsBoolean() ? 1 : 0).tags(tags)
                .description("1 while messages go to the spool instead of Kafka").register(registry);
        Gauge.builder("tributary.delivery.outstanding", outstanding, AtomicInteger::get).tags(tags)
                .description("Messages handed over and not yet durable").register(registry);
    }

    void sent(long nanos) {
        sentDirect.increment();
        sendLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void replayed(int messages) {
        replayed.increment(messages);
    }

    void spooled(int messages) {
        spooled.increment(messages);
    }

    void failed() {
        failed.increment();
    }

    public double sentTotal() {
        return sentDirect.count() + replayed.count();
    }
}
