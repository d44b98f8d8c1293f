package io.tributary.origins.mqtt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import io.tributary.origins.Origins;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Small helpers shared by the MQTT origin tests. */
final class MqttTesting {
    private MqttTesting() {
    }

    /** A created, not started, MQTT origin named {@code originId} of agent {@code agent-1}. */
    static Origin origin(Map<String, Object> options, MeterRegistry registry, String originId) {
        OriginType type = Origins.get("type", "mqtt");
        return type.create(type.options().parse(options), new OriginContext("agent-1", originId, "p1", registry));
    }

    /** The sum of the counters named {@link MqttMetrics#PREFIX} + {@code name}. */
    static double count(MeterRegistry registry, String name) {
        return registry.find(MqttMetrics.PREFIX + name).counters().stream().mapToDouble(Counter::count).sum();
    }

    static double gauge(MeterRegistry registry, String name) {
        Gauge g = registry.find(MqttMetrics.PREFIX + name).gauge();
        return g == null ? Double.NaN : g.value();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(condition.getAsBoolean(), "timed out waiting for: " + what);
    }
}
