package io.tributary.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.localstack.LocalStack;
import io.tributary.origins.IngestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka stops mid-stream while the agent keeps ingesting, then comes back: every acknowledged record arrives,
 * duplicates are counted, per-device order holds.
 */
class BrokerOutageIT {
    @TempDir
    Path spool;

    @Test
    void everyAcknowledgedRecordArrivesAfterTheBrokerReturns() throws Exception {
        String topic = "outage-" + UUID.randomUUID();
        Set<String> acknowledged = new HashSet<>();
        int devices = 8;
        int rounds = 90;
        try (LocalStack kafka = LocalStack.builder().mqtt(false).topics(topic + ":4", topic + ".errors").start();
             AgentFixture agent = new AgentFixture(kafka.bootstrapServers(), topic, spool, null, null)) {
            for (int round = 0; round < rounds; round++) {
                if (round == rounds / 3) kafka.stopKafka();
                if (round == 2 * rounds / 3) kafka.startKafka();
                CompletableFuture<?>[] acks = new CompletableFuture<?>[devices];
                for (int d = 0; d < devices; d++) {
                    String device = "dev-" + d;
                    long seq = round * 5L;
                    acks[d] = agent.send(AgentFixture.events(device, seq, 5)).thenAccept((IngestResult r) -> {
                        synchronized (acknowledged) {
                            for (int i = 0; i < 5; i++) acknowledged.add(device + "/" + (seq + i));
                        }
                    });
                }
                for (CompletableFuture<?> ack : acks) ack.get(60, TimeUnit.SECONDS);
                Thread.sleep(20);
            }
            awaitDrained(agent);
            Delivered delivered = new Delivered(TopicReader.readAll(kafka.bootstrapServers(), topic,
                    acknowledged.size(), Duration.ofSeconds(60)));
            assertEquals(devices * rounds * 5, acknowledged.size(), "every payload was acknowledged");
            delivered.assertContainsAll(acknowledged);
            System.out.printf("broker outage: %d acknowledged, %d delivered, %d duplicates%n", acknowledged.size(),
                    delivered.distinct.size(), delivered.duplicates);
        }
    }

    static void awaitDrained(AgentFixture agent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (agent.agent.registry().get("tributary.delivery.spooling").gauge().value() == 0
                    && agent.agent.registry().get("tributary.spool.entries").gauge().value() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        assertTrue(false, "the spool did not drain");
    }
}
