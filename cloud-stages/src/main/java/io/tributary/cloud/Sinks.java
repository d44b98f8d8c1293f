package io.tributary.cloud;

import io.tributary.record.Record;
import io.tributary.spark.StageError;
import io.tributary.wire.WireCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The sinks' executor-side code. Every write blocks until the data is durable (Kafka acks=all and every send
 * future resolved; files moved into place), so when the Spark action returns the batch is in the sink and the
 * job may commit the source offsets.
 */
final class Sinks {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

    private Sinks() {
    }

    static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /** Writes every partition to {@code topic}; returns the number of records written. */
    static long kafka(JavaRDD<Record> results, Properties props, String topic, boolean json) {
        return results.mapPartitions(it -> {
            long n = 0;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                while (it.hasNext()) {
                    Record r = it.next();
                    byte[] key = r.header().key() == null ? null : r.header().key().getBytes(StandardCharsets.UTF_8);
                    byte[] value = json ? RecordLines.json(r) : WireCodec.get().encode(r);
                    sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
                    n++;
                }
                producer.flush();
                for (Future<RecordMetadata> f : sent) f.get();
            }
            return List.of(n).iterator();
        }).fold(0L, Long::sum);
    }

    /** Undecodable values: raw bytes and key kept, the reason in Kafka headers. */
    static long decodeErrors(JavaRDD<Decoded> bad, Properties props, String topic) {
        return bad.mapPartitions(it -> {
            long n = 0;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                while (it.hasNext()) {
                    Decoded d = it.next();
                    ProducerRecord<byte[], byte[]> pr = new ProducerRecord<>(topic, d.key, d.raw);
                    header(pr, StageError.ATTR_STAGE, "decode");
                    header(pr, StageError.ATTR_CODE, d.code);
                    header(pr, StageError.ATTR_REASON, d.reason);
                    header(pr, "source.topic", d.topic);
                    header(pr, "source.partition", Integer.toString(d.partition));
                    header(pr, "source.offset", Long.toString(d.offset));
                    header(pr, "error.format", "raw");
                    sent.add(producer.send(pr));
                    n++;
                }
                producer.flush();
                for (Future<RecordMetadata> f : sent) f.get();
            }
            return List.of(n).iterator();
        }).fold(0L, Long::sum);
    }

    /** Evaluator errors: the record annotated ({@link StageError#annotate}), wire-encoded, reason also in headers. */
    static long stageErrors(JavaPairRDD<Record, StageError> errors, Properties props, String topic) {
        return errors.mapPartitions((Iterator<Tuple2<Record, StageError>> it) -> {
            long n = 0;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                while (it.hasNext()) {
                    Tuple2<Record, StageError> t = it.next();
                    Record r = t._2().annotate(t._1().copy());
                    byte[] key = r.header().key() == null ? null : r.header().key().getBytes(StandardCharsets.UTF_8);
                    ProducerRecord<byte[], byte[]> pr = new ProducerRecord<>(topic, key, WireCodec.get().encode(r));
                    header(pr, StageError.ATTR_STAGE, t._2().stageName());
                    header(pr, StageError.ATTR_CLASS, t._2().className());
                    header(pr, StageError.ATTR_CODE, t._2().code());
                    header(pr, StageError.ATTR_REASON, t._2().reason());
                    header(pr, "error.format", "wire");
                    sent.add(producer.send(pr));
                    n++;
                }
                producer.flush();
                for (Future<RecordMetadata> f : sent) f.get();
            }
            return List.of(n).iterator();
        }).fold(0L, Long::sum);
    }

    private static void header(ProducerRecord<byte[], byte[]> pr, String name, String value) {
        if (value != null) pr.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * JSON lines under {@code base/date=…/hour=…/} (the batch time, UTC), file {@code batch-<id>-part-<n>.jsonl}
     * written to a temporary name and moved into place: a replay of the same batch id overwrites.
     */
    static long files(JavaRDD<Record> results, String base, long batchTimeMs, String batchId) {
        Instant t = Instant.ofEpochMilli(batchTimeMs);
        String dir = base + "/date=" + DATE.format(t) + "/hour=" + HOUR.format(t);
        return results.mapPartitions(it -> {
            if (!it.hasNext()) return List.of(0L).iterator();
            int part = TaskContext.getPartitionId();
            Path d = Paths.get(dir);
            Files.createDirectories(d);
            String name = String.format("batch-%s-part-%05d.jsonl", batchId, part);
            Path tmp = d.resolve("." + name + ".tmp-" + TaskContext.get().taskAttemptId());
            long n = 0;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                while (it.hasNext()) {
                    out.write(RecordLines.json(it.next()));
                    out.write('\n');
                    n++;
                }
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw new UncheckedIOException(e);
            }
            Files.move(tmp, d.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return List.of(n).iterator();
        }).fold(0L, Long::sum);
    }

}
