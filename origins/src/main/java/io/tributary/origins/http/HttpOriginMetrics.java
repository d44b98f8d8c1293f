package io.tributary.origins.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.tributary.origins.OriginContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The meters of one HTTP origin, all tagged with the origin's tags:
 * {@code tributary.origin.http.requests{status=2xx|4xx|5xx}} (answered requests),
 * {@code .bytes.received} (body bytes as sent), {@code .payloads} (handed to the pipeline), {@code .acked}
 * (answered 200 once durable), {@code .rejected{reason}} (every non-2xx answer by reason),
 * {@code .connections.opened}, {@code .tls.handshake.failures}, and the gauges {@code .inflight} and
 * {@code .connections}.
 *
 * <p>Thread-safe.
 */
final class HttpOriginMetrics {
    static final String PREFIX = "tributary.origin.http.";
    private final MeterRegistry registry;
    private final Tags tags;
    private final Counter[] byStatusClass = new Counter[6];
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Counter bytesReceived;
    private final Counter payloads;
    private final Counter acked;
    private final Counter connectionsOpened;
    private final Counter tlsFailures;
    private final List<Meter> gauges;

    HttpOriginMetrics(OriginContext context, IntSupplier inflight, IntSupplier connections) {
        this.registry = context.metrics();
        this.tags = context.tags();
        for (int c : new int[] {2, 4, 5}) byStatusClass[c] = statusCounter(c);
        bytesReceived = registry.counter(PREFIX + "bytes.received", tags);
        payloads = registry.counter(PREFIX + "payloads", tags);
        acked = registry.counter(PREFIX + "acked", tags);
        connectionsOpened = registry.counter(PREFIX + "connections.opened", tags);
        tlsFailures = registry.counter(PREFIX + "tls.handshake.failures", tags);
        gauges = List.of(
                Gauge.builder(PREFIX + "inflight", inflight::getAsInt).tags(tags)
                        .description("Requests being received or waiting to become durable").register(registry),
                Gauge.builder(PREFIX + "connections", connections::getAsInt).tags(tags)
                        .description("Open client connections").register(registry));
    }

    /** Removes the gauges, which would otherwise keep reading a closed origin. */
    void close() {
        gauges.forEach(registry::remove);
    }

    void answered(Reply reply) {
        int statusClass = reply.status().code() / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            Counter c = byStatusClass[statusClass];
            if (c == null) byStatusClass[statusClass] = c = statusCounter(statusClass);
            c.increment();
        }
        if (reply.success()) {
            acked.increment();
        } else {
            rejected.computeIfAbsent(reply.reason(),
                    r -> registry.counter(PREFIX + "rejected", tags.and("reason", r))).increment();
        }
    }

    void bytesReceived(long n) {
        bytesReceived.increment(n);
    }

    void payload() {
        payloads.increment();
    }

    void connectionOpened() {
        connectionsOpened.increment();
    }

    void tlsHandshakeFailed() {
        tlsFailures.increment();
    }

    private Counter statusCounter(int statusClass) {
        return registry.counter(PREFIX + "requests", tags.and("status", statusClass + "xx"));
    }
}
