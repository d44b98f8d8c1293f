package io.tributary.agent.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The meters of one pipeline, all tagged {@code pipeline=<name>}. */
public final class PipelineMetrics {
    private final MeterRegistry registry;
    private final Tags tags;
    final Counter payloadsIn;
    final Counter bytesIn;
    final Counter recordsOut;
    final Counter recordsFiltered;
    final Counter rejectedBackPressure;
    final Counter rejectedContentType;
    final Counter deliveryFailures;
    final DistributionSummary batchRecords;
    final Timer durableLatency;
    final AtomicInteger inflight;
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();

    public PipelineMetrics(MeterRegistry registry, String pipeline) {
        this.registry = registry;
        this.tags = Tags.of("pipeline", pipeline);
        payloadsIn = registry.counter("tributary.pipeline.payloads.in", tags);
        bytesIn = registry.counter("tributary.pipeline.bytes.in", tags);
        recordsOut = registry.counter("tributary.pipeline.records.out", tags);
        recordsFiltered = registry.counter("tributary.pipeline.records.filtered", tags);
        rejectedBackPressure = registry.counter("tributary.pipeline.rejected", tags.and("reason", "back_pressure"));
        rejectedContentType = registry.counter("tributary.pipeline.rejected", tags.and("reason", "content_type"));
        deliveryFailures = registry.counter("tributary.pipeline.delivery.failures", tags);
        batchRecords = DistributionSummary.builder("tributary.pipeline.batch.records").tags(tags)
                .description("Records per payload").register(registry);
        durableLatency = Timer.builder("tributary.pipeline.durable.latency").tags(tags)
                .description("From receipt until every record of the payload was durable").register(registry);
        inflight = registry.gauge("tributary.pipeline.inflight.payloads", tags, new AtomicInteger());
    }

    /** Counts one error of {@code stage} with {@code code}. */
    void error(String stage, String code) {
        errors.computeIfAbsent(stage + '\u0000' + code, k -> registry.counter("tributary.pipeline.errors",
                tags.and("stage", stage, "code", code))).increment();
    }

    /** Total errors counted, over every stage and code. */
    public double errorsTotal() {
        return errors.values().stream().mapToDouble(Counter::count).sum();
    }

    public double recordsOutTotal() {
        return recordsOut.count();
    }

    public double payloadsInTotal() {
        return payloadsIn.count();
    }
}
