package io.tributary.cloud;

import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import io.tributary.config.YamlLoader;
import io.tributary.spark.runner.ChainOptions;
import io.tributary.spark.runner.EvaluatorConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud job's configuration, from YAML read by {@link YamlLoader} (plain data only; {@code ${ENV:-default}}
 * substituted).
 *
 * <pre>{@code
 * kafka.bootstrap.servers: 127.0.0.1:9092
 * kafka.topics: [tributary.records]
 * kafka.group.id: tributary-cloud
 * error.topic: tributary.errors
 * batch.interval.ms: 1000
 * checkpoint.dir: /var/lib/tributary/cloud     # rdd checkpoints (rdd/) and evaluator snapshots (state/)
 * spark.master: local[2]
 * spark.conf: {spark.ui.enabled: "false"}
 * kafka.consumer: {max.poll.records: "500"}    # extra consumer properties
 * evaluator: {retry.max: 2}                     # ChainOptions
 * evaluators:
 *   - {class: com.acme.Enrich, params: {k: v}}
 * sinks:
 *   - {type: kafka, topic: tributary.out, format: wire}
 *   - {type: file, path: /data/out}
 *   - {type: console}
 * }</pre>
 *
 * Every problem is reported at once, keyed ({@code sinks[1].topic}); unknown keys are listed.
 */
public final class CloudJobConfig {
    public static final Option<String> BOOTSTRAP = Option.string("kafka.bootstrap.servers", null,
            "Kafka bootstrap servers (host:port,...)").required();
    public static final Option<List<String>> TOPICS = Option.list("kafka.topics", null,
            "topics to read (wire-encoded records)").required()
            .validate(l -> l.isEmpty() ? "must name at least one topic" : null);
    public static final Option<String> GROUP = Option.string("kafka.group.id", "tributary-cloud",
            "consumer group; offsets are committed to it after every sink finished a batch");
    public static final Option<String> START = Option.choice("kafka.start", "earliest",
            "where a group without committed offsets starts", "earliest", "latest");
    public static final Option<String> ERROR_TOPIC = Option.string("error.topic", "tributary.errors",
            "topic receiving undecodable values (raw bytes) and evaluator errors (annotated records)")
            .validate(s -> s.isBlank() ? "must not be empty" : null);
    public static final Option<Long> BATCH_INTERVAL_MS = Option.longValue("batch.interval.ms", 1000, 50,
            3_600_000, "micro-batch interval");
    public static final Option<String> CHECKPOINT_DIR = Option.string("checkpoint.dir", null,
            "directory (Hadoop URI) for RDD checkpoints (rdd/) and evaluator state snapshots (state/)").required();
    public static final Option<String> MASTER = Option.string("spark.master", "local[2]",
            "Spark master; ignored when spark-submit already set one");
    public static final Option<String> APP_NAME = Option.string("spark.app.name", "tributary-cloud",
            "Spark application name");

    /** Keys whose values are maps or lists, handled outside the scalar option set. */
    static final List<String> SECTIONS = List.of("spark.conf", "kafka.consumer", "evaluator", "evaluators", "sinks");

    public static final OptionSet OPTIONS = OptionSet.of(BOOTSTRAP, TOPICS, GROUP, START, ERROR_TOPIC,
            BATCH_INTERVAL_MS, CHECKPOINT_DIR, MASTER, APP_NAME);

    private final Settings settings;
    private final Map<String, String> sparkConf;
    private final Map<String, String> consumer;
    private final ChainOptions chainOptions;
    private final List<EvaluatorConfig> evaluators;
    private final List<SinkConfig> sinks;

    private CloudJobConfig(Settings settings, Map<String, String> sparkConf, Map<String, String> consumer,
            ChainOptions chainOptions, List<EvaluatorConfig> evaluators, List<SinkConfig> sinks) {
        this.settings = settings;
        this.sparkConf = sparkConf;
        this.consumer = consumer;
        this.chainOptions = chainOptions;
        this.evaluators = evaluators;
        this.sinks = sinks;
    }

    /** Loads a YAML file ({@code ${ENV:-default}} substituted); every problem at once. */
    public static CloudJobConfig load(Path file) {
        return parse(new YamlLoader().load(file));
    }

    public static CloudJobConfig parseYaml(String yaml) {
        return parse(new YamlLoader().parse(yaml));
    }

    /** Parses a YAML map; every problem at once. */
    public static CloudJobConfig parse(Map<String, Object> raw) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        Section root = Section.root(raw, problems);
        Settings settings = root.settings(OPTIONS, SECTIONS);
        Map<String, String> sparkConf = root.properties("spark.conf");
        Map<String, String> consumer = root.properties("kafka.consumer");
        ChainOptions chain = ChainOptions.defaults();
        Section ev = root.child("evaluator", false);
        try {
            if (ev != null) chain = ChainOptions.parse(ev.entries());
        } catch (ConfigException e) {
            problems.addAll(e.withPrefix("evaluator").problems());
        }
        List<EvaluatorConfig> evaluators = List.of();
        Object evs = root.raw("evaluators");
        try {
            if (evs instanceof List<?> l) {
                evaluators = EvaluatorConfig.parseList(l);
            } else if (evs != null) {
                root.problem("evaluators", "must be a list");
            }
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        List<SinkConfig> sinks = new ArrayList<>();
        for (Section sink : root.list("sinks", true)) {
            try {
                sinks.add(SinkConfig.parse(sink.entries()));
            } catch (ConfigException e) {
                problems.addAll(e.withPrefix(sink.path()).problems());
            }
        }
        root.throwIfProblems();
        if (!chain.stateDir().isPresent()) {
            chain = chain.with(ChainOptions.STATE_DIR.name(), stripSlash(settings.get(CHECKPOINT_DIR)) + "/state");
        }
        return new CloudJobConfig(settings, Map.copyOf(sparkConf), Map.copyOf(consumer), chain,
                List.copyOf(evaluators), List.copyOf(sinks));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public String bootstrapServers() {
        return settings.get(BOOTSTRAP);
    }

    public List<String> topics() {
        return settings.get(TOPICS);
    }

    public String groupId() {
        return settings.get(GROUP);
    }

    public String startPosition() {
        return settings.get(START);
    }

    public String errorTopic() {
        return settings.get(ERROR_TOPIC);
    }

    public long batchIntervalMs() {
        return settings.get(BATCH_INTERVAL_MS);
    }

    public String checkpointDir() {
        return stripSlash(settings.get(CHECKPOINT_DIR));
    }

    public String master() {
        return settings.get(MASTER);
    }

    public String appName() {
        return settings.get(APP_NAME);
    }

    public Map<String, String> sparkConf() {
        return sparkConf;
    }

    public Map<String, String> consumerProperties() {
        return consumer;
    }

    public ChainOptions chainOptions() {
        return chainOptions;
    }

    public List<EvaluatorConfig> evaluators() {
        return evaluators;
    }

    public List<SinkConfig> sinks() {
        return sinks;
    }

    /** The state dir the chain snapshots to. */
    public Optional<String> stateDir() {
        return chainOptions.stateDir();
    }
}
