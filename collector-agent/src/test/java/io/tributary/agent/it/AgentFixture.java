package io.tributary.agent.it;

import io.tributary.agent.config.AgentConfig;
import io.tributary.agent.runtime.Agent;
import io.tributary.agent.testing.TestOriginType;
import io.tributary.config.YamlLoader;
import io.tributary.origins.IngestResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** An in-process agent with one pipeline fed by the test origin, for integration tests. */
final class AgentFixture implements AutoCloseable {
    /** Producer settings that notice an unreachable broker within seconds instead of minutes. */
    static final String FAST_FAILING_PRODUCER = """
                  producer:
                    delivery.timeout.ms: 3000
                    request.timeout.ms: 1000
                    max.block.ms: 500
                    reconnect.backoff.max.ms: 500
            """;

    final Agent agent;

    /** Wraps an agent built elsewhere (one whose pipeline has the test origin {@code in}). */
    AgentFixture(Agent agent) {
        this.agent = agent;
    }

    AgentFixture(String bootstrap, String topic, Path spoolDir, String extraPipelineYaml, String spoolYaml) {
        this(start(config(bootstrap, topic, spoolDir, null, extraPipelineYaml, spoolYaml)));
    }

    /**
     * An agent config with one pipeline {@code p1}: the test origin {@code in} plus {@code extraOrigins} (list
     * items indented 6), json, Kafka with the fast-failing producer, the spool in {@code spoolDir} plus
     * {@code spoolYaml} (indented 6), and {@code extraPipelineYaml} (pipeline keys, indented 4).
     */
    static String config(String bootstrap, String topic, Path spoolDir, String extraOrigins, String extraPipelineYaml,
            String spoolYaml) {
        return """
                agent:
                  id: it-agent
                  summary.interval.ms: 0
                  shutdown.timeout.ms: 20000
                admin:
                  port: 0
                pipelines:
                  - name: p1
                    origins:
                      - type: test
                        id: in
                %s
                    format:
                      type: json
                    destination:
                      bootstrap.servers: %s
                      topic: %s
                      key.field: /device
                %s
                    spool:
                      dir: %s
                %s
                %s
                """.formatted(orEmpty(extraOrigins), bootstrap, topic, FAST_FAILING_PRODUCER.stripTrailing(), spoolDir,
                orEmpty(spoolYaml), extraPipelineYaml == null ? "" : extraPipelineYaml);
    }

    /** Builds and starts the agent a config describes. */
    static Agent start(String yaml) {
        Agent agent = Agent.build(AgentConfig.parse(new YamlLoader(Map.<String, String>of()::get).parse(yaml)));
        try {
            agent.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return agent;
    }

    private static String orEmpty(String yaml) {
        return yaml == null ? "" : yaml.stripTrailing();
    }

    CompletableFuture<IngestResult> send(String body) {
        return TestOriginType.origin("in").send(body).toCompletableFuture();
    }

    /** What a burst of single-event payloads came to. */
    static final class Burst {
        final java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    }

    /**
     * Sends one event per payload for seq in [from, to), devices {@code dev-<seq % 3>}, with at most
     * {@code window} payloads in flight; waits for every answer.
     */
    Burst burst(long from, long to, int window) throws InterruptedException {
        Burst burst = new Burst();
        java.util.concurrent.Semaphore permits = new java.util.concurrent.Semaphore(window);
        for (long seq = from; seq < to; seq++) {
            permits.acquire();
            String id = "dev-" + seq % 3 + "/" + seq;
            send(events("dev-" + seq % 3, seq, 1)).whenComplete((r, e) -> {
                if (e == null) burst.acknowledged.add(id);
                else burst.failures.add(e instanceof java.util.concurrent.CompletionException c ? c.getCause() : e);
                permits.release();
            });
        }
        permits.acquire(window);
        return burst;
    }

    /** One NDJSON payload with {@code n} events for {@code device}, sequence numbers from {@code firstSeq}. */
    static String events(String device, long firstSeq, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"device\":\"").append(device).append("\",\"seq\":").append(firstSeq + i)
                    .append(",\"rssi\":-").append(40 + (firstSeq + i) % 50).append("}\n");
        }
        return sb.toString();
    }

    @Override
    public void close() {
        agent.close();
    }
}
