package io.tributary.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A real Kafka broker and MQTT broker on 127.0.0.1 for tests: each runs in its own child JVM started from the
 * shaded jar, so this class (plain Java, no Kafka or Moquette types) is all a test's classpath needs.
 *
 * <p>Kafka and MQTT are separate children so a fault test can stop, kill and restart Kafka while MQTT stays up.
 * A restarted Kafka listens on the same port and keeps its data directory, so clients reconnect and earlier
 * records are still there.
 *
 * <p>Use {@link #shared()} for ordinary integration tests (one instance per test JVM, never stopped by a test),
 * and {@link #start()} / {@link #builder()} with try-with-resources for tests that stop or kill the broker.
 * Children are started with {@code --exit-on-stdin-eof}: if this JVM dies, they stop too.
 *
 * <p>Thread-safety: all methods are safe to call from any thread; lifecycle calls are serialized.
 * Stability: experimental, since 0.1.
 */
public final class LocalStack implements AutoCloseable {

    /** Child JVM options unless {@link Builder#jvmOptions} or the system property {@value #JVM_OPTIONS_PROPERTY}. */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    public static final String JVM_OPTIONS_PROPERTY = "tributary.localstack.jvmOptions";
    /** {@code true}: copy the children's output to this JVM's stderr, prefixed with their name and pid. */
    public static final String ECHO_PROPERTY = "tributary.localstack.echo";

    private static final int START_ATTEMPTS = 3;
    private static LocalStack shared;
    private static LocalStackException sharedFailure;

    private final Builder config;
    private final Path jar;
    private final Path dataDir;
    private final boolean sharedInstance;
    private int kafkaPort;
    private int controllerPort;
    private int mqttPort;
    private ChildJvm kafka;
    private ChildJvm mqtt;
    private Duration kafkaStartup = Duration.ZERO;
    private boolean closed;

    private LocalStack(Builder config, boolean sharedInstance) {
        this.config = config;
        this.sharedInstance = sharedInstance;
        this.jar = config.jar != null ? config.jar : LocalStackJar.locate();
        try {
            this.dataDir = config.dataDir != null ? Files.createDirectories(config.dataDir)
                    : Files.createTempDirectory("tributary-local-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local-stack data directory", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts Kafka and MQTT with the defaults; close it when done. */
    public static LocalStack start() {
        return builder().start();
    }

    /**
     * The instance shared by every test in this JVM: started on first use, stopped by a shutdown hook. Its
     * {@link #close()} does nothing and its fault operations throw; a failed start is remembered and rethrown.
     */
    public static synchronized LocalStack shared() {
        if (sharedFailure != null) {
            throw new LocalStackException("the shared local stack failed to start earlier: "
                    + sharedFailure.getMessage(), sharedFailure);
        }
        if (shared == null) {
            try {
                shared = new LocalStack(new Builder(), true).startAll();
            } catch (LocalStackException e) {
                sharedFailure = e;
                throw e;
            }
            LocalStack instance = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "local-stack-shared-shutdown"));
        }
        return shared;
    }

    private synchronized LocalStack startAll() {
        try {
            if (config.mqtt) {
                startMqtt(); // runs while Kafka starts
            }
            startKafkaChild(true);
            if (config.mqtt) {
                awaitMqtt();
            }
            return this;
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    private void startMqtt() {
        mqttPort = config.mqttPort != 0 ? config.mqttPort : FreePort.pick();
        mqtt = ChildJvm.start("mqtt", jar, jvmOptions(),
                List.of("--no-kafka", "--mqtt-port", String.valueOf(mqttPort)), echo());
    }

    private void awaitMqtt() {
        for (int attempt = 1; ; attempt++) {
            try {
                mqtt.awaitReady(config.readyTimeout);
                return;
            } catch (LocalStackException e) {
                if (config.mqttPort != 0 || !portTaken(e) || attempt >= START_ATTEMPTS) {
                    throw e;
                }
            }
            startMqtt();
        }
    }

    /**
     * Starts the Kafka child and waits for it. The first start picks free ports, and picks again if one was
     * taken meanwhile; a restart reuses them.
     */
    private void startKafkaChild(boolean firstStart) {
        for (int attempt = 1; ; attempt++) {
            if (firstStart) {
                kafkaPort = config.kafkaPort != 0 ? config.kafkaPort : FreePort.pick();
                controllerPort = FreePort.pick();
            }
            List<String> args = new ArrayList<>(List.of("--no-mqtt", "--kafka-port", String.valueOf(kafkaPort),
                    "--controller-port", String.valueOf(controllerPort), "--data-dir", dataDir.toString()));
            if (!config.topics.isEmpty()) {
                args.add("--topics");
                args.add(String.join(",", config.topics));
            }
            long started = System.nanoTime();
            kafka = ChildJvm.start("kafka", jar, jvmOptions(), args, echo());
            try {
                kafka.awaitReady(config.readyTimeout);
                kafkaStartup = Duration.ofNanos(System.nanoTime() - started);
                return;
            } catch (LocalStackException e) {
                kafka = null;
                if (!firstStart || config.kafkaPort != 0 || !portTaken(e) || attempt >= START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static boolean portTaken(LocalStackException e) {
        return e.getMessage().contains("Address already in use");
    }

    /** {@code 127.0.0.1:<port>}; the same across Kafka restarts. */
    public String bootstrapServers() {
        return ReadyLines.HOST + ":" + kafkaPort;
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String mqttUrl() {
        if (!config.mqtt) {
            throw new IllegalStateException("this local stack was started without MQTT");
        }
        return "tcp://" + ReadyLines.HOST + ":" + mqttPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int mqttPort() {
        mqttUrl();
        return mqttPort;
    }

    /**
     * The shaded jar the brokers run from. It also holds Kafka's tools, e.g. for a benchmark:
     * {@code java -cp <jar> org.apache.kafka.tools.ProducerPerformance ...}.
     */
    public Path jar() {
        return jar;
    }

    /** Kafka's data directory (its storage is in {@code kafka/} below it). */
    public Path dataDir() {
        return dataDir;
    }

    /** How long the last Kafka start took, from launching the child JVM to its ready line. */
    public synchronized Duration kafkaStartup() {
        return kafkaStartup;
    }

    public synchronized boolean isKafkaRunning() {
        return kafka != null && kafka.isAlive();
    }

    /** The Kafka child process, while one runs (for tests that watch it). */
    public synchronized Optional<ProcessHandle> kafkaProcess() {
        return kafka != null && kafka.isAlive() ? Optional.of(kafka.handle()) : Optional.empty();
    }

    public synchronized Optional<ProcessHandle> mqttProcess() {
        return mqtt != null && mqtt.isAlive() ? Optional.of(mqtt.handle()) : Optional.empty();
    }

    /** Stops Kafka gracefully (SIGTERM, controlled shutdown); returns when its JVM has exited. */
    public synchronized void stopKafka() {
        checkFaultsAllowed("stopKafka");
        if (kafka != null) {
            kafka.stop(config.stopTimeout);
            kafka = null;
        }
    }

    /** Kills Kafka with SIGKILL (no shutdown of any kind); returns when the process is gone. */
    public synchronized void killKafka() {
        checkFaultsAllowed("killKafka");
        if (kafka != null) {
            kafka.kill();
            kafka = null;
        }
    }

    /** Starts Kafka again on the same port and data directory, after {@link #stopKafka} or {@link #killKafka}. */
    public synchronized void startKafka() {
        checkFaultsAllowed("startKafka");
        if (kafka != null && kafka.isAlive()) {
            throw new IllegalStateException("Kafka is already running at " + bootstrapServers());
        }
        startKafkaChild(false);
    }

    private void checkFaultsAllowed(String operation) {
        if (sharedInstance) {
            throw new IllegalStateException(operation + "() is not allowed on LocalStack.shared(): other tests use it;"
                    + " start your own with LocalStack.start()");
        }
        if (closed) {
            throw new IllegalStateException("this local stack is closed");
        }
    }

    /** Stops both children (MQTT first, then Kafka) and deletes a temporary data dir. No-op on the shared one. */
    @Override
    public void close() {
        if (!sharedInstance) {
            shutdown();
        }
    }

    private synchronized void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        List<ChildJvm> children = new ArrayList<>();
        if (mqtt != null) {
            children.add(mqtt);
        }
        if (kafka != null) {
            children.add(kafka);
        }
        mqtt = null;
        kafka = null;
        children.forEach(ChildJvm::requestStop); // both stop at once: MQTT's stop does not wait for Kafka's
        children.forEach(child -> child.stop(config.stopTimeout));
        if (config.dataDir == null) {
            FileTrees.deleteRecursively(dataDir);
        }
    }

    private List<String> jvmOptions() {
        if (config.jvmOptions != null) {
            return config.jvmOptions;
        }
        String property = System.getProperty(JVM_OPTIONS_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Arrays.asList(property.trim().split("\\s+"));
        }
        return DEFAULT_JVM_OPTIONS;
    }

    private static boolean echo() {
        return Boolean.getBoolean(ECHO_PROPERTY);
    }


    /** Options for a private local stack. */
    public static final class Builder {
        private boolean mqtt = true;
        private final List<String> topics = new ArrayList<>();
        private List<String> jvmOptions;
        private Duration readyTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Path jar;
        private Path dataDir;
        private int kafkaPort;
        private int mqttPort;

        private Builder() {
        }

        /** A fixed Kafka port; default 0 = a free one. */
        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        /** A fixed MQTT port; default 0 = a free one. */
        public Builder mqttPort(int port) {
            this.mqttPort = port;
            return this;
        }

        /** Start the MQTT broker too (default true). */
        public Builder mqtt(boolean enabled) {
            this.mqtt = enabled;
            return this;
        }

        /** Topics to create before ready, as {@code name} or {@code name:partitions}. */
        public Builder topics(String... specs) {
            topics.addAll(Arrays.asList(specs));
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** How long to wait for a child's ready line (default 60 s). */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** How long a graceful stop may take before the child is killed (default 30 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** The shaded jar to run (default: see {@code LocalStackJar}: system property, then the source tree). */
        public Builder jar(Path shadedJar) {
            this.jar = shadedJar;
            return this;
        }

        /** Keep Kafka's data here (kept after close); default: a temporary directory deleted by close. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Starts the children and waits until both are ready; throws {@link LocalStackException} with their output. */
        public LocalStack start() {
            return new LocalStack(this, false).startAll();
        }
    }
}
