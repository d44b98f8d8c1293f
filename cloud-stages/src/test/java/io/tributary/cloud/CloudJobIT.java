package io.tributary.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.localstack.LocalStack;
import io.tributary.record.Record;
import io.tributary.spark.StageError;
import io.tributary.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job end to end on the real local Kafka (child JVM) with Spark local[2]. */
class CloudJobIT {
    private static LocalStack stack;

    @BeforeAll
    static void startKafka() {
        stack = LocalStack.builder().mqtt(false).topics("in:2", "out", "errors", "in2:2", "out2", "errors2").start();
    }

    @AfterAll
    static void stopKafka() {
        if (stack != null) stack.close();
    }

    static Record record(String key, long value) {
        Record r = new Record().put("value", value);
        r.header().key(key).eventTime(Instant.ofEpochMilli(1_700_000_000_000L + value));
        return r;
    }

    static void send(String topic, List<ProducerRecord<String, byte[]>> records) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> r : records) producer.send(r).get();
        }
    }

    static List<ConsumerRecord<String, byte[]>> readAtLeast(String topic, int n, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
            c.assign(parts);
            c.seekToBeginning(parts);
            while (out.size() < n && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // a little longer, to see duplicates or extras
            c.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }

    static Map<TopicPartition, Long> committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> out = new HashMap<>();
            m.forEach((tp, om) -> out.put(tp, om == null ? -1 : om.offset()));
            return out;
        }
    }

    static Map<TopicPartition, Long> endOffsets(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> req = new HashMap<>();
            for (int i = 0; i < partitions; i++) req.put(new TopicPartition(topic, i), OffsetSpec.latest());
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(req).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        }
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void recordsFlowThroughTwoEvaluatorsIntoKafkaAndFilesAndBadOnesIntoTheErrorTopic(@TempDir Path tmp)
            throws Exception {
        List<ProducerRecord<String, byte[]>> input = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            input.add(new ProducerRecord<>("in", "dev-" + (i % 4), WireCodec.get().encode(record("dev-" + (i % 4), i))));
        }
        Record bad1 = record("dev-1", 100).put("bad", true);
        Record bad2 = record("dev-2", 101).put("bad", true);
        input.add(new ProducerRecord<>("in", "dev-1", WireCodec.get().encode(bad1)));
        input.add(new ProducerRecord<>("in", "dev-2", WireCodec.get().encode(bad2)));
        for (int i = 0; i < 3; i++) {
            input.add(new ProducerRecord<>("in", "junk-" + i, ("garbage " + i).getBytes(StandardCharsets.UTF_8)));
        }
        send("in", input);

        CloudJobConfig cfg = CloudJobConfig.parseYaml("""
                kafka.bootstrap.servers: %s
                kafka.topics: [in]
                kafka.group.id: it-flow
                error.topic: errors
                batch.interval.ms: 500
                checkpoint.dir: %s
                spark.conf: {spark.ui.enabled: "false", spark.sql.shuffle.partitions: "2"}
                evaluator: {retry.max: 0}
                evaluators:
                  - {class: io.tributary.cloud.TestEvaluators$Tag, params: {tag: t1}}
                  - {class: io.tributary.cloud.TestEvaluators$Scale, params: {factor: 3}}
                sinks:
                  - {type: kafka, topic: out, format: wire}
                  - {type: file, path: %s}
                """.formatted(stack.bootstrapServers(), tmp.resolve("cp"), tmp.resolve("files")));
        CloudJob job = new CloudJob(cfg);
        job.start();
        try {
            List<ConsumerRecord<String, byte[]>> out = readAtLeast("out", 40, Duration.ofSeconds(40));
            assertEquals(40, out.size(), "results in the Kafka sink");
            Set<Long> values = new java.util.HashSet<>();
            for (ConsumerRecord<String, byte[]> r : out) {
                Record rec = WireCodec.get().decode(r.value());
                assertEquals("t1", rec.field("tagged"));
                long v = (Long) rec.field("value");
                assertEquals(v * 3, rec.field("scaled"));
                assertEquals("dev-" + (v % 4), r.key(), "key preserved");
                assertEquals(r.key(), rec.header().key());
                values.add(v);
            }
            assertEquals(40, values.size());

            List<ConsumerRecord<String, byte[]>> errors = readAtLeast("errors", 5, Duration.ofSeconds(20));
            assertEquals(5, errors.size(), "3 undecodable + 2 evaluator errors");
            List<ConsumerRecord<String, byte[]>> decode = errors.stream()
                    .filter(r -> "decode".equals(header(r, StageError.ATTR_STAGE))).collect(Collectors.toList());
            assertEquals(3, decode.size());
            for (ConsumerRecord<String, byte[]> r : decode) {
                assertTrue(header(r, StageError.ATTR_CODE).startsWith("DECODE_"), header(r, StageError.ATTR_CODE));
                assertTrue(new String(r.value(), StandardCharsets.UTF_8).startsWith("garbage "), "raw bytes kept");
                assertTrue(r.key().startsWith("junk-"));
                assertEquals("in", header(r, "source.topic"));
            }
            List<ConsumerRecord<String, byte[]>> stage = errors.stream()
                    .filter(r -> "Tag".equals(header(r, StageError.ATTR_STAGE))).collect(Collectors.toList());
            assertEquals(2, stage.size());
            for (ConsumerRecord<String, byte[]> r : stage) {
                assertEquals("BAD_VALUE", header(r, StageError.ATTR_CODE));
                Record rec = WireCodec.get().decode(r.value());
                assertEquals("BAD_VALUE", rec.header().attribute(StageError.ATTR_CODE));
                assertEquals(Boolean.TRUE, rec.field("bad"));
            }

            List<String> lines = new ArrayList<>();
            try (Stream<Path> files = Files.walk(tmp.resolve("files"))) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).collect(Collectors.toList())) {
                    assertTrue(f.getParent().getFileName().toString().startsWith("hour="), f.toString());
                    assertTrue(f.getParent().getParent().getFileName().toString().startsWith("date="), f.toString());
                    lines.addAll(Files.readAllLines(f));
                }
            }
            assertEquals(40, lines.size(), "JSON lines in the file sink");
            assertTrue(lines.get(0).contains("\"tagged\":\"t1\""), lines.get(0));

            // offsets are committed (asynchronously, after the sinks): eventually the end offsets
            Map<TopicPartition, Long> end = endOffsets("in", 2);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            Map<TopicPartition, Long> committed = committed("it-flow");
            while (!committed.equals(end) && System.nanoTime() < deadline) {
                Thread.sleep(250);
                committed = committed("it-flow");
            }
            assertEquals(end, committed);
        } finally {
            job.stop();
        }
        assertTrue(job.failure().isEmpty());
    }
    static void awaitProcessed(CloudJob job, String topic, int partitions, Duration timeout) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(topic, partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String pos = job.lastPosition();
            if (pos != null && CloudJob.parsePosition(pos).equals(end)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("job did not reach " + end + "; at " + job.lastPosition());
    }

    static List<ProducerRecord<String, byte[]>> values(String topic, int from, int to) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String key = "k" + (i % 4);
            out.add(new ProducerRecord<>(topic, key, WireCodec.get().encode(record(key, i + 1))));
        }
        return out;
    }

    @Test
    void restartResumesFromTheSnapshotWithStateAndReplaysIntoTheKeyedSink(@TempDir Path tmp) throws Exception {
        CloudJobConfig cfg = CloudJobConfig.parseYaml("""
                kafka.bootstrap.servers: %s
                kafka.topics: [in2]
                kafka.group.id: it-restart
                error.topic: errors2
                batch.interval.ms: 1000
                checkpoint.dir: %s
                spark.conf: {spark.ui.enabled: "false"}
                evaluator: {retry.max: 0, state.snapshot.interval.batches: 1, state.snapshot.retain: 1000}
                evaluators:
                  - {class: io.tributary.cloud.TestEvaluators$RunningTotal, name: totals}
                sinks:
                  - {type: kafka, topic: out2, format: wire}
                """.formatted(stack.bootstrapServers(), tmp.resolve("cp")));
        send("in2", values("in2", 0, 12));
        CloudJob job = new CloudJob(cfg);
        job.start();
        String afterA1;
        try {
            awaitProcessed(job, "in2", 2, Duration.ofSeconds(30));
            afterA1 = job.lastPosition();
            send("in2", values("in2", 12, 24));
            awaitProcessed(job, "in2", 2, Duration.ofSeconds(30));
        } finally {
            job.kill(); // no graceful stop, no final snapshot
        }
        // Lose the newest snapshots (as if the job died between A1's snapshot and A2's): restart must replay A2.
        Path state = tmp.resolve("cp/state");
        int kept = 0;
        try (Stream<Path> dirs = Files.list(state)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith("snapshot-")).collect(Collectors.toList())) {
                Properties m = new Properties();
                Path manifest = d.resolve("MANIFEST.properties");
                if (!Files.exists(manifest)) continue;
                try (var in = Files.newInputStream(manifest)) {
                    m.load(in);
                }
                if (CloudJob.parsePosition(m.getProperty("position")).equals(CloudJob.parsePosition(afterA1))) {
                    kept++;
                } else {
                    Files.delete(manifest); // incomplete now: ignored by restore()
                }
            }
        }
        assertTrue(kept > 0, "a snapshot at the end of A1 exists");

        send("in2", values("in2", 24, 36));
        CloudJob again = new CloudJob(cfg);
        again.start();
        try {
            assertEquals(CloudJob.parsePosition(afterA1), CloudJob.parsePosition(again.restoredPosition().orElseThrow()));
            awaitProcessed(again, "in2", 2, Duration.ofSeconds(30));
        } finally {
            again.stop();
        }
        assertTrue(again.failure().isEmpty());
        assertEquals(endOffsets("in2", 2), committed("it-restart"), "the last batch is committed at a graceful stop");

        // The keyed sink: per key the latest (compacted) value is the full total; replayed outputs are identical.
        List<ConsumerRecord<String, byte[]>> out = readAtLeast("out2", 1, Duration.ofSeconds(10));
        Map<String, Map<Long, Long>> sumByCount = new HashMap<>();
        Map<String, long[]> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : out) {
            Record rec = WireCodec.get().decode(r.value());
            long count = (Long) rec.field("count");
            long sum = (Long) rec.field("sum");
            Long earlier = sumByCount.computeIfAbsent(r.key(), k -> new HashMap<>()).put(count, sum);
            if (earlier != null) assertEquals(earlier, sum, "a replayed output differs for " + r.key());
            latest.put(r.key(), new long[] {count, sum});
        }
        for (int k = 0; k < 4; k++) {
            long expectedSum = 0;
            for (int i = k; i < 36; i += 4) expectedSum += i + 1;
            long[] last = latest.get("k" + k);
            assertEquals(9, last[0], "count of k" + k + ": state restored, nothing missing, nothing twice");
            assertEquals(expectedSum, last[1], "sum of k" + k);
        }
    }
}
