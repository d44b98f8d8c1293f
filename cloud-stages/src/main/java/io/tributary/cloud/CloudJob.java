package io.tributary.cloud;

import io.tributary.record.Record;
import io.tributary.spark.runner.BatchOutcome;
import io.tributary.spark.runner.EvaluatorChain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud streaming job: a Kafka direct stream of wire-encoded records, decoded on the executors, run through
 * the {@link EvaluatorChain}, written to the sinks; undecodable values and evaluator errors go to the error topic.
 *
 * <p>Per batch, on the driver, one at a time: decode → {@code chain.apply} → every result sink → error topic →
 * {@code chain.complete(outcome, endOffsets)} (may snapshot state) → {@code commitAsync(offsetRanges)}. If any of
 * it throws, the batch is not committed, the job refuses every later batch and {@link #awaitTermination} throws:
 * nothing is skipped (at-least-once).
 *
 * <p>Restart: {@link #start} calls {@code chain.restore()}; a restored snapshot's position (Kafka end offsets)
 * is where the stream starts, so batches after the snapshot are replayed into the restored state. Without a
 * snapshot the consumer group's committed offsets (or {@code kafka.start}) apply. {@link #stop} stops gracefully
 * (the running batch finishes), snapshots the chain at the last completed position, and destroys the evaluators.
 */
public final class CloudJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CloudJob.class);

    private final CloudJobConfig config;
    private JavaSparkContext jsc;
    private JavaStreamingContext ssc;
    private EvaluatorChain chain;
    private JavaInputDStream<ConsumerRecord<byte[], byte[]>> stream;
    private Properties producerProps;
    private volatile String lastPosition;
    private volatile OffsetRange[] lastCommitted;
    private volatile Throwable failure;
    private volatile Optional<String> restoredPosition = Optional.empty();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong recordsIn = new AtomicLong();
    private boolean stopped;

    public CloudJob(CloudJobConfig config) {
        this.config = config;
    }

    /** The Spark configuration the job runs with (master and loopback binding only when not already set). */
    public SparkConf sparkConf() {
        SparkConf conf = new SparkConf();
        conf.setIfMissing("spark.master", config.master());
        conf.setIfMissing("spark.app.name", config.appName());
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.setIfMissing("spark.kryo.registrator", "io.tributary.spark.TributaryKryoRegistrator");
        conf.setIfMissing("spark.cleaner.referenceTracking.cleanCheckpoints", "true");
        conf.set("spark.streaming.concurrentJobs", "1");
        conf.set("spark.streaming.stopGracefullyOnShutdown", "false"); // CloudMain stops the job itself
        for (Map.Entry<String, String> e : config.sparkConf().entrySet()) conf.set(e.getKey(), e.getValue());
        return conf;
    }

    Map<String, Object> kafkaParams() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.startPosition());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.putAll(config.consumerProperties());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return p;
    }

    /** Creates the contexts and the chain, restores state, and starts streaming. */
    public synchronized void start() {
        jsc = new JavaSparkContext(sparkConf());
        try {
            jsc.setCheckpointDir(config.checkpointDir() + "/rdd");
            chain = EvaluatorChain.start(jsc, config.evaluators(), config.chainOptions());
            restoredPosition = chain.restore();
            producerProps = Sinks.producerProps(config.bootstrapServers());
            ssc = new JavaStreamingContext(jsc, new Duration(config.batchIntervalMs()));
            ConsumerStrategy<byte[], byte[]> strategy = restoredPosition
                    .map(pos -> ConsumerStrategies.<byte[], byte[]>Subscribe(config.topics(), kafkaParams(),
                            parsePosition(pos)))
                    .orElseGet(() -> ConsumerStrategies.Subscribe(config.topics(), kafkaParams()));
            restoredPosition.ifPresent(pos -> LOG.info("Restored evaluator state; resuming at {}", pos));
            stream = KafkaUtils.createDirectStream(ssc, LocationStrategies.PreferConsistent(), strategy);
            stream.foreachRDD(this::batch);
            ssc.start();
            LOG.info("Cloud job started: topics {} group {} batch {} ms, evaluators {}, sinks {}", config.topics(),
                    config.groupId(), config.batchIntervalMs(), chain.stageNames(), config.sinks());
        } catch (RuntimeException e) {
            if (chain != null) chain.close();
            jsc.stop();
            throw e;
        }
    }

    private void batch(JavaRDD<ConsumerRecord<byte[], byte[]>> rdd, Time time) {
        if (failure != null) {
            throw new IllegalStateException("an earlier batch failed; refusing to process (and commit) later ones",
                    failure);
        }
        try {
            runBatch(rdd, time);
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("Batch {} failed; its offsets are not committed and the job stops", time, e);
            throw e;
        }
    }

    private void runBatch(JavaRDD<ConsumerRecord<byte[], byte[]>> rdd, Time time) {
        long started = System.nanoTime();
        OffsetRange[] ranges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
        long count = 0;
        for (OffsetRange r : ranges) count += r.count();
        String position = formatPosition(ranges);
        JavaRDD<Decoded> decoded = null;
        JavaRDD<Record> input;
        if (count == 0) {
            input = jsc.emptyRDD();
        } else {
            decoded = rdd.mapPartitions(it -> {
                List<Decoded> out = new ArrayList<>();
                while (it.hasNext()) {
                    ConsumerRecord<byte[], byte[]> c = it.next();
                    out.add(Decoded.of(c.topic(), c.partition(), c.offset(), c.key(), c.value()));
                }
                return out.iterator();
            }).persist(StorageLevel.MEMORY_AND_DISK_SER());
            input = decoded.filter(Decoded::ok).map(d -> d.record);
        }
        BatchOutcome outcome = chain.apply(input);
        long applied = System.nanoTime();
        Map<String, Long> written = new LinkedHashMap<>();
        String batchId = Integer.toHexString(position.hashCode()) + "-" + time.milliseconds();
        for (SinkConfig sink : config.sinks()) {
            written.put(sink.name(), writeSink(sink, outcome.results(), time, batchId));
        }
        long decodeErrors = 0;
        if (decoded != null) {
            decodeErrors = Sinks.decodeErrors(decoded.filter(d -> !d.ok()), producerProps, config.errorTopic());
        }
        long stageErrors = Sinks.stageErrors(outcome.errors(), producerProps, config.errorTopic());
        chain.complete(outcome, position);
        if (decoded != null) decoded.unpersist(false);
        if (count > 0) {
            ((CanCommitOffsets) stream.inputDStream()).commitAsync(ranges);
            lastCommitted = ranges;
        }
        lastPosition = position;
        batches.incrementAndGet();
        recordsIn.addAndGet(count);
        long done = System.nanoTime();
        if (count > 0 || stageErrors > 0 || !written.values().stream().allMatch(v -> v == 0)) {
            LOG.info("Batch {}: in {} (decode errors {}), evaluator errors {}, written {}; chain {} ms, sinks {} ms;"
                            + " committed {}", time.milliseconds(), count, decodeErrors, stageErrors, written,
                    (applied - started) / 1_000_000, (done - applied) / 1_000_000, position);
        }
    }

    private long writeSink(SinkConfig sink, JavaRDD<Record> results, Time time, String batchId) {
        switch (sink.type()) {
            case "kafka":
                return Sinks.kafka(results, producerProps, sink.topic(), "json".equals(sink.format()));
            case "file":
                return Sinks.files(results, sink.path(), time.milliseconds(), batchId);
            case "console": {
                List<Record> first = results.take(sink.maxRecords());
                for (Record r : first) System.out.println(new String(RecordLines.json(r), java.nio.charset.StandardCharsets.UTF_8));
                return first.size();
            }
            default:
                throw new IllegalStateException("unknown sink type " + sink.type());
        }
    }

    /** {@code topic:partition:offset,...} — the Kafka end offsets of a batch. */
    static String formatPosition(OffsetRange[] ranges) {
        StringBuilder sb = new StringBuilder();
        for (OffsetRange r : ranges) {
            if (sb.length() > 0) sb.append(',');
            sb.append(r.topic()).append(':').append(r.partition()).append(':').append(r.untilOffset());
        }
        return sb.toString();
    }

    static Map<TopicPartition, Long> parsePosition(String position) {
        Map<TopicPartition, Long> out = new HashMap<>();
        if (position.isBlank()) return out;
        for (String part : position.split(",")) {
            int b = part.lastIndexOf(':');
            int a = part.lastIndexOf(':', b - 1);
            out.put(new TopicPartition(part.substring(0, a), Integer.parseInt(part.substring(a + 1, b))),
                    Long.parseLong(part.substring(b + 1)));
        }
        return out;
    }

    /** Blocks until the job stops; rethrows a batch failure. */
    public void awaitTermination() throws InterruptedException {
        ssc.awaitTermination();
    }

    /** Like {@link #awaitTermination()} with a timeout; true when stopped. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        return ssc.awaitTerminationOrTimeout(millis);
    }

    /**
     * Graceful stop: no new batches, the running one finishes, the chain snapshots at the last completed
     * position (when no batch failed), evaluators are destroyed, Spark stops. Idempotent.
     */
    public synchronized void stop() {
        if (stopped || jsc == null) return;
        stopped = true;
        try {
            if (ssc != null) ssc.stop(false, failure == null);
            if (failure == null) commitLast();
            if (chain != null && failure == null && lastPosition != null) chain.snapshot(lastPosition);
        } catch (RuntimeException e) {
            LOG.warn("Snapshot at stop failed; a restart replays from the previous snapshot", e);
        } finally {
            if (chain != null) chain.close();
            jsc.stop();
            LOG.info("Cloud job stopped after {} batches, {} records; last position {}", batches.get(),
                    recordsIn.get(), lastPosition);
        }
    }

    /**
     * The direct stream sends {@code commitAsync} offsets with its next poll, so the last batch's commit would be
     * lost on a stop: commit it synchronously (the stream's consumer is closed by now, the group is empty).
     */
    private void commitLast() {
        OffsetRange[] ranges = lastCommitted;
        if (ranges == null) return;
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets = new HashMap<>();
        for (OffsetRange r : ranges) {
            offsets.put(r.topicPartition(), new org.apache.kafka.clients.consumer.OffsetAndMetadata(r.untilOffset()));
        }
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> c =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(kafkaParams())) {
            c.commitSync(offsets, java.time.Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warn("Could not commit the last batch's offsets at stop; a restart may replay it", e);
        }
    }

    /** Hard stop for tests (simulates a crash of the job as far as one JVM can): no snapshot, no grace. */
    synchronized void kill() {
        if (stopped || jsc == null) return;
        stopped = true;
        failure = new IllegalStateException("killed");
        if (ssc != null) ssc.stop(false, false);
        if (chain != null) chain.close();
        jsc.stop();
    }

    @Override
    public void close() {
        stop();
    }

    public long batchesCompleted() {
        return batches.get();
    }

    public Optional<String> restoredPosition() {
        return restoredPosition;
    }

    public String lastPosition() {
        return lastPosition;
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    Collection<String> stageNames() {
        return chain.stageNames();
    }
}
