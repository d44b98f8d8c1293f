package io.tributary.origins.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.tributary.origins.OriginContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of one MQTT origin, registered on the agent's registry with the origin's tags. Every name starts
 * with {@value #PREFIX}.
 */
final class MqttMetrics {
    static final String PREFIX = "tributary.origin.mqtt.";

    /** Messages delivered by the broker (redeliveries included). */
    final Counter received;
    final Counter bytes;
    /** Messages whose PUBACK (QoS 1) or PUBCOMP (QoS 2) was sent after they became durable. */
    final Counter acked;
    /** Messages that produced only error records (durable, so acknowledged). */
    final Counter rejected;
    /** Messages the broker flagged as duplicates (sent before and not acknowledged). */
    final Counter redeliveries;
    final Counter reconnects;
    /** Times a message waited because the pipeline refused it (back-pressure) or max.inflight was reached. */
    final Counter waitsPipeline;
    final Counter waitsInflight;
    /** Submissions that failed after all: not acknowledged, the connection is renewed so the broker redelivers. */
    final Counter failures;
    /** QoS 0 messages lost (no acknowledgement, so the broker cannot redeliver them). */
    final Counter droppedQos0;
    /** Completions of an earlier connection, not acknowledged (the broker redelivers those messages). */
    final Counter staleCompletions;
    /** 1 while connected and subscribed, else 0. */
    final AtomicInteger connected;
    /** Messages handed over and not yet completed. */
    final AtomicInteger inflight;

    MqttMetrics(OriginContext context) {
        MeterRegistry r = context.metrics();
        Tags tags = context.tags();
        received = r.counter(PREFIX + "messages.received", tags);
        bytes = r.counter(PREFIX + "bytes.received", tags);
        acked = r.counter(PREFIX + "messages.acked", tags);
        rejected = r.counter(PREFIX + "messages.rejected", tags.and("reason", "malformed"));
        redeliveries = r.counter(PREFIX + "redeliveries", tags);
        reconnects = r.counter(PREFIX + "reconnects", tags);
        waitsPipeline = r.counter(PREFIX + "backpressure.waits", tags.and("reason", "pipeline"));
        waitsInflight = r.counter(PREFIX + "backpressure.waits", tags.and("reason", "max_inflight"));
        failures = r.counter(PREFIX + "submit.failures", tags);
        droppedQos0 = r.counter(PREFIX + "messages.dropped", tags.and("reason", "qos0_failed"));
        staleCompletions = r.counter(PREFIX + "stale.completions", tags);
        connected = r.gauge(PREFIX + "connected", tags, new AtomicInteger());
        inflight = r.gauge(PREFIX + "inflight", tags, new AtomicInteger());
    }
}
