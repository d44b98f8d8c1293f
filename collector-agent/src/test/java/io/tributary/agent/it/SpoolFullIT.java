package io.tributary.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.localstack.LocalStack;
import io.tributary.origins.BackPressureException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full spool while Kafka is down: {@code block} refuses input, {@code drop-oldest} counts every drop exactly. */
class SpoolFullIT {
    private static final String SMALL_SPOOL = """
                  max.bytes: 1048576
            """;

    @TempDir
    Path spool;

    @Test
    void blockRefusesNewInputUntilKafkaReturns() throws Exception {
        String topic = "full-block-" + UUID.randomUUID();
        try (LocalStack kafka = LocalStack.builder().mqtt(false).topics(topic).start()) {
            kafka.stopKafka();
            AgentFixture.Burst burst;
            try (AgentFixture agent = new AgentFixture(kafka.bootstrapServers(), topic, spool, null,
                    SMALL_SPOOL + "      when.full: block\n")) {
                burst = agent.burst(0, 20_000, 200);
                assertFalse(burst.failures.isEmpty(), "the spool never filled");
                burst.failures.forEach(f -> assertTrue(f instanceof BackPressureException, f.toString()));
                assertTrue(burst.acknowledged.size() > 1000, "spooled only " + burst.acknowledged.size());
                kafka.startKafka();
                BrokerOutageIT.awaitDrained(agent);
                agent.send(AgentFixture.events("dev-after", 0, 1)).get(30, TimeUnit.SECONDS);
            }
            Delivered delivered = new Delivered(TopicReader.readAll(kafka.bootstrapServers(), topic,
                    burst.acknowledged.size() + 1, Duration.ofSeconds(60)));
            delivered.assertContainsAll(burst.acknowledged);
            assertTrue(delivered.distinct.contains("dev-after/0"));
        }
    }

    @Test
    void dropOldestCountsEveryDrop() throws Exception {
        String topic = "full-drop-" + UUID.randomUUID();
        try (LocalStack kafka = LocalStack.builder().mqtt(false).topics(topic).start()) {
            kafka.stopKafka();
            AgentFixture.Burst burst;
            double dropped;
            try (AgentFixture agent = new AgentFixture(kafka.bootstrapServers(), topic, spool, null,
                    SMALL_SPOOL + "      when.full: drop-oldest\n")) {
                burst = agent.burst(0, 30_000, 200);
                assertEquals(0, burst.failures.size(), "drop-oldest never refuses: " + burst.failures);
                dropped = agent.agent.registry().get("tributary.spool.dropped").gauge().value();
                assertTrue(dropped > 0, "nothing was dropped: the spool never filled");
                kafka.startKafka();
                BrokerOutageIT.awaitDrained(agent);
            }
            Delivered delivered = new Delivered(TopicReader.readAll(kafka.bootstrapServers(), topic,
                    burst.acknowledged.size() - (int) dropped, Duration.ofSeconds(60)));
            assertEquals(0, delivered.duplicates);
            assertEquals(burst.acknowledged.size(), delivered.distinct.size() + (long) dropped,
                    "delivered + dropped must account for every acknowledged record");
            assertTrue(burst.acknowledged.containsAll(delivered.distinct));
        }
    }
}
