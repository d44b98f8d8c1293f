package io.tributary.agent.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.localstack.LocalStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of an agent process whose spool holds acknowledged records (Kafka unreachable): a new agent on the
 * same spool, with Kafka back, delivers every one of them.
 */
class AgentCrashIT {
    @TempDir
    Path dir;

    @Test
    void acknowledgedRecordsSurviveKillDashNine() throws Exception {
        String topic = "crash-" + UUID.randomUUID();
        Path spool = dir.resolve("spool");
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, """
                agent:
                  id: crashing
                  summary.interval.ms: 0
                admin:
                  enabled: false
                pipelines:
                  - name: p1
                    origins:
                      - type: test
                        id: in
                    format:
                      type: json
                    destination:
                      bootstrap.servers: 127.0.0.1:%d
                      topic: %s
                      key.field: /device
                %s
                    spool:
                      dir: %s
                """.formatted(deadPort, topic, AgentFixture.FAST_FAILING_PRODUCER.stripTrailing(), spool));
        Set<String> acknowledged = new HashSet<>();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingAgentMain.class.getName(), config.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            for (String line; acknowledged.size() < 2000 && System.nanoTime() < deadline
                    && (line = out.readLine()) != null; ) {
                if (line.startsWith("ACK ")) acknowledged.add(line.substring(4));
            }
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(acknowledged.size() >= 2000, "the child acknowledged only " + acknowledged.size());
        try (LocalStack kafka = LocalStack.builder().mqtt(false).topics(topic + ":2").start();
             AgentFixture agent = new AgentFixture(kafka.bootstrapServers(), topic, spool, null, null)) {
            BrokerOutageIT.awaitDrained(agent);
            Delivered delivered = new Delivered(TopicReader.readAll(kafka.bootstrapServers(), topic,
                    acknowledged.size(), Duration.ofSeconds(60)));
            delivered.assertContainsAll(acknowledged);
            System.out.printf("kill -9: %d acknowledged before the kill, %d delivered after restart, %d duplicates%n",
                    acknowledged.size(), delivered.distinct.size(), delivered.duplicates);
        }
    }

}
