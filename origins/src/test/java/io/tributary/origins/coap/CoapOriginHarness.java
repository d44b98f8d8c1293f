package io.tributary.origins.coap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.config.Settings;
import io.tributary.origins.Ingest;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.Origins;
import java.util.HashMap;
import java.util.Map;

/** Starts a coap origin with given options and ingest, and reads its meters. */
final class CoapOriginHarness implements AutoCloseable {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Origin origin;

    CoapOriginHarness(Map<String, Object> options, Ingest ingest) throws Exception {
        Map<String, Object> all = new HashMap<>(Map.of("bind", "127.0.0.1", "port", 0));
        all.putAll(options);
        Settings settings = Origins.get("type", "coap").options().parse(all);
        origin = Origins.get("type", "coap").create(settings, new OriginContext("agent-1", "coap-1", "p1", registry));
        try {
            origin.start(ingest);
        } catch (Exception e) {
            origin.close();
            throw e;
        }
    }

    /** coap://127.0.0.1:port/path or coaps://... */
    String uri(String path) {
        return origin.describe() + "/" + path;
    }

    CoapTestClient client(String path) {
        return CoapTestClient.udp(uri(path));
    }

    /** The sum of the meters named {@code name} whose tags include {@code tagPairs}. */
    double meter(String name, String... tagPairs) {
        double sum = 0;
        for (Meter m : registry.getMeters()) {
            if (!m.getId().getName().equals(name)) continue;
            boolean match = true;
            for (int i = 0; i < tagPairs.length; i += 2) {
                match &= tagPairs[i + 1].equals(m.getId().getTag(tagPairs[i]));
            }
            if (!match) continue;
            for (var measurement : m.measure()) {
                String statistic = measurement.getStatistic().name();
                if (statistic.equals("COUNT") || statistic.equals("VALUE")) sum += measurement.getValue();
            }
        }
        return sum;
    }

    @Override
    public void close() {
        origin.close();
    }
}
