package io.tributary.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CloudJobConfigTest {
    @Test
    void parsesAFullConfig() {
        CloudJobConfig c = CloudJobConfig.parseYaml("""
                kafka.bootstrap.servers: 127.0.0.1:9092
                kafka.topics: [a, b]
                kafka.group.id: g1
                error.topic: errs
                batch.interval.ms: 500
                checkpoint.dir: /tmp/cp/
                spark.conf: {spark.ui.enabled: false}
                kafka.consumer: {max.poll.records: 100}
                evaluator: {retry.max: 0}
                evaluators:
                  - {class: com.acme.A, params: {x: 1}}
                  - {class: com.acme.B, name: bee}
                sinks:
                  - {type: kafka, topic: out, format: json}
                  - {type: file, path: /tmp/out}
                  - {type: console}
                """);
        assertEquals("127.0.0.1:9092", c.bootstrapServers());
        assertEquals(List.of("a", "b"), c.topics());
        assertEquals("g1", c.groupId());
        assertEquals("errs", c.errorTopic());
        assertEquals(500, c.batchIntervalMs());
        assertEquals("/tmp/cp", c.checkpointDir());
        assertEquals("local[2]", c.master());
        assertEquals(Map.of("spark.ui.enabled", "false"), c.sparkConf());
        assertEquals(Map.of("max.poll.records", "100"), c.consumerProperties());
        assertEquals(0, c.chainOptions().retryPolicy().maxRetries());
        assertEquals("/tmp/cp/state", c.stateDir().orElseThrow());
        assertEquals(List.of("com.acme.A", "com.acme.B"),
                c.evaluators().stream().map(e -> e.className()).collect(Collectors.toList()));
        assertEquals("1", c.evaluators().get(0).params().get("x"));
        assertEquals(List.of("kafka", "file", "console"),
                c.sinks().stream().map(SinkConfig::type).collect(Collectors.toList()));
        assertEquals("json", c.sinks().get(0).format());
        assertEquals("/tmp/out", c.sinks().get(1).path());
        assertEquals(20, c.sinks().get(2).maxRecords());
    }

    @Test
    void reportsEveryProblemByKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> CloudJobConfig.parseYaml("""
                kafka.topics: []
                batch.interval.ms: fast
                colour: blue
                evaluator: {retry.max: -1, nope: 1}
                evaluators: [{params: {}}]
                sinks:
                  - {type: kafka}
                  - {type: smoke}
                  - {type: file, path: /x, topic: t}
                """));
        Map<String, String> byKey = e.problems().stream()
                .collect(Collectors.toMap(ConfigException.Problem::key, ConfigException.Problem::message, (a, b) -> a));
        for (String key : List.of("kafka.bootstrap.servers", "kafka.topics", "batch.interval.ms", "colour",
                "checkpoint.dir", "evaluator.retry.max", "evaluator.nope", "evaluators[0].class", "sinks[0].topic",
                "sinks[1].type", "sinks[2].topic")) {
            assertTrue(byKey.containsKey(key), key + " missing in " + byKey);
        }
        assertTrue(byKey.get("colour").contains("kafka.bootstrap.servers"), byKey.get("colour"));
        assertTrue(byKey.get("colour").contains("sinks"), byKey.get("colour"));
    }

    @Test
    void sinksAreRequired() {
        ConfigException e = assertThrows(ConfigException.class, () -> CloudJobConfig.parseYaml("""
                kafka.bootstrap.servers: h:1
                kafka.topics: t
                checkpoint.dir: /tmp/x
                """));
        assertEquals("sinks", e.problems().get(0).key());
    }

    @Test
    void positionsRoundTrip() {
        var p = CloudJob.parsePosition("a.b:0:15,a.b:1:7,c-d:0:0");
        assertEquals(3, p.size());
        assertEquals(15L, p.get(new org.apache.kafka.common.TopicPartition("a.b", 0)));
        assertEquals(0L, p.get(new org.apache.kafka.common.TopicPartition("c-d", 0)));
    }
}
