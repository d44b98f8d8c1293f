package io.tributary.agent.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.localstack.LocalStack;
import io.tributary.origins.IngestResult;
import io.tributary.record.Record;
import io.tributary.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against the real local KRaft broker: records keyed and decodable, errors in the error topic. */
class AgentKafkaIT {
    private static final LocalStack KAFKA = LocalStack.shared();

    @TempDir
    Path spool;

    @Test
    void everyRecordArrivesKeyedDecodableAndInOrderPerDevice() throws Exception {
        String topic = "records-" + UUID.randomUUID();
        int devices = 20;
        int payloadsPerDevice = 10;
        int eventsPerPayload = 10;
        try (AgentFixture agent = new AgentFixture(KAFKA.bootstrapServers(), topic, spool, null, null)) {
            List<CompletableFuture<IngestResult>> acks = new ArrayList<>();
            for (int p = 0; p < payloadsPerDevice; p++) {
                for (int d = 0; d < devices; d++) {
                    acks.add(agent.send(AgentFixture.events("dev-" + d, (long) p * eventsPerPayload, eventsPerPayload)));
                }
            }
            for (CompletableFuture<IngestResult> ack : acks) {
                assertEquals(eventsPerPayload, ack.get(30, TimeUnit.SECONDS).records());
            }
        }
        int expected = devices * payloadsPerDevice * eventsPerPayload;
        List<ConsumerRecord<byte[], byte[]>> got = TopicReader.readAll(KAFKA.bootstrapServers(), topic, expected,
                Duration.ofSeconds(30));
        assertEquals(expected, got.size());
        Map<String, Long> lastSeq = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> m : got) {
            Record r = WireCodec.get().decode(m.value());
            String device = (String) r.field("device");
            assertEquals(device, new String(m.key(), StandardCharsets.UTF_8));
            assertEquals(device, r.header().key());
            assertEquals("test:test", r.header().source());
            assertEquals("it-agent", r.header().attribute("agent.id"));
            long seq = (Long) r.field("seq");
            assertEquals(lastSeq.getOrDefault(device, -1L) + 1, seq, "order of " + device);
            lastSeq.put(device, seq);
        }
        assertEquals(devices, lastSeq.size());
    }

    @Test
    void malformedInputLandsInTheErrorTopicWithItsCode() throws Exception {
        String topic = "records-" + UUID.randomUUID();
        String processors = """
                    processors:
                      - type: event_time
                        field: /ts
                        if.missing: ignore
                """;
        byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        try (AgentFixture agent = new AgentFixture(KAFKA.bootstrapServers(), topic, spool, processors, null)) {
            IngestResult syntax = agent.send("{\"device\":\"d1\",").get(30, TimeUnit.SECONDS);
            assertTrue(syntax.rejected());
            assertEquals("JSON_SYNTAX", syntax.firstErrors().get(0).code());
            IngestResult utf8 = io.tributary.agent.testing.TestOriginType.origin("in").send(badUtf8, null)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals("INVALID_UTF8", utf8.firstErrors().get(0).code());
            IngestResult time = agent.send("{\"device\":\"d2\",\"ts\":\"yesterday\"}\n{\"device\":\"d2\"}")
                    .get(30, TimeUnit.SECONDS);
            assertEquals(1, time.records());
            assertEquals(1, time.errors());
            assertEquals("EVENT_TIME_INVALID", time.firstErrors().get(0).code());
        }
        List<ConsumerRecord<byte[], byte[]>> errors = TopicReader.readAll(KAFKA.bootstrapServers(), topic + ".errors",
                3, Duration.ofSeconds(30));
        assertEquals(3, errors.size());
        assertEquals(List.of("JSON_SYNTAX", "INVALID_UTF8", "EVENT_TIME_INVALID"),
                errors.stream().map(e -> header(e, "error.code")).toList());
        assertEquals(List.of("parse:json", "parse:json", "processor:event_time"),
                errors.stream().map(e -> header(e, "error.stage")).toList());
        assertArrayEquals(badUtf8, errors.get(1).value());
        for (ConsumerRecord<byte[], byte[]> e : errors) {
            assertEquals("it-agent", header(e, "agent.id"));
            assertEquals("test:test", header(e, "source"));
            assertTrue(header(e, "received.at").startsWith("20"), header(e, "received.at"));
            assertTrue(!header(e, "error.message").isBlank());
        }
        assertEquals(1, TopicReader.readAll(KAFKA.bootstrapServers(), topic, 1, Duration.ofSeconds(10)).size());
    }

    static String header(ConsumerRecord<byte[], byte[]> m, String name) {
        Header h = m.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
