package io.tributary.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the local stack in this JVM: Kafka and/or MQTT, then the ready lines of {@link ReadyLines} on stdout,
 * until SIGTERM / Ctrl-C, or until stdin closes with {@code --exit-on-stdin-eof}. Logs go to stderr so stdout
 * stays machine-readable. Lives in the shaded jar ({@code local-stack-*-all.jar}); see {@code --help}.
 */
public final class LocalStackMain {

    static {
        // slf4j-simple reads these once, at the first logger: set them before Kafka or Moquette log anything.
        defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        defaultProperty("org.slf4j.simpleLogger.logFile", "System.err");
        defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
        defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        defaultProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        // Known, harmless warnings: the bootstrap notice of a fresh cluster, and a double close at shutdown.
        defaultProperty("org.slf4j.simpleLogger.log.org.apache.kafka.controller.QuorumController", "error");
        defaultProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
    }

    private static final long MQTT_STOP_WAIT_MILLIS = 500;

    private final LocalStackOptions options;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final EmbeddedKafka kafka;
    private final EmbeddedMqtt mqtt;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    private LocalStackMain(LocalStackOptions options) throws IOException {
        this.options = options;
        this.temporaryDataDir = options.dataDir == null;
        this.dataDir = temporaryDataDir ? Files.createTempDirectory("tributary-local-stack-")
                : options.dataDir.toAbsolutePath();
        this.kafka = options.kafka
                ? new EmbeddedKafka(portOrFree(options.kafkaPort), portOrFree(options.controllerPort), dataDir) : null;
        this.mqtt = options.mqtt ? new EmbeddedMqtt(portOrFree(options.mqttPort)) : null;
    }

    public static void main(String[] args) {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage().replace("\n", "\nlocal-stack: "));
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(LocalStackOptions.USAGE);
            return;
        }
        if (options.exitOnStdinEof) {
            watchStdin(System.in);
        }
        LocalStackMain stack = null;
        try {
            stack = new LocalStackMain(options);
            LocalStackMain running = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "local-stack-shutdown"));
            stack.start();
        } catch (Throwable e) {
            fail(stack, e);
        }
        try {
            stack.done.await(); // the brokers' threads keep the JVM alive anyway; this keeps main readable
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start() throws Exception {
        PrintStream out = System.out;
        StringBuilder timings = new StringBuilder();
        long t0 = System.nanoTime();
        if (kafka != null) {
            kafka.start();
            long t1 = System.nanoTime();
            timings.append("Kafka ").append(millis(t1 - t0)).append(" ms");
            if (!options.topics.isEmpty()) {
                kafka.createTopics(options.topics);
                timings.append(", topics ").append(millis(System.nanoTime() - t1)).append(" ms");
            }
            out.println(ReadyLines.KAFKA_READY + kafka.bootstrapServers());
        }
        if (mqtt != null) {
            long t2 = System.nanoTime();
            mqtt.start();
            timings.append(timings.length() > 0 ? ", " : "").append("MQTT ").append(millis(System.nanoTime() - t2))
                    .append(" ms");
            out.println(ReadyLines.MQTT_READY + mqtt.url());
        }
        out.println(ReadyLines.LOCAL_STACK_READY);
        out.flush();
        System.err.println("local-stack: ready"
                + (kafka != null ? "; Kafka bootstrap " + kafka.bootstrapServers() : "")
                + (mqtt != null ? "; MQTT " + mqtt.url() : "")
                + "; data in " + dataDir + (temporaryDataDir ? " (deleted on exit)" : "")
                + " (" + timings + "). Ctrl-C stops.");
    }

    /** Stops MQTT, then Kafka (waiting for it), then deletes a temporary data dir. Runs once. */
    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            if (mqtt != null) {
                mqtt.stop(MQTT_STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("local-stack: stopping MQTT failed: " + e);
        }
        long t1 = System.nanoTime();
        try {
            if (kafka != null) {
                kafka.stop();
            }
        } catch (RuntimeException e) {
            System.err.println("local-stack: stopping Kafka failed: " + e);
        }
        long t2 = System.nanoTime();
        if (temporaryDataDir) {
            FileTrees.deleteRecursively(dataDir);
        }
        System.err.println("local-stack: stopped (" + (mqtt != null ? "MQTT " + millis(t1 - t0) + " ms, " : "")
                + (kafka != null ? "Kafka " + millis(t2 - t1) + " ms" : "") + ")");
        done.countDown();
    }

    private static void fail(LocalStackMain stack, Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = e == cause ? String.valueOf(e) : e + " (cause: " + cause + ")";
        System.out.println(ReadyLines.LOCAL_STACK_FAILED + reason.replace('\n', ' '));
        System.out.flush();
        e.printStackTrace(System.err);
        if (reason.contains("Address already in use")) {
            System.err.println("local-stack: a port is in use; choose others with --kafka-port, --controller-port and"
                    + " --mqtt-port (0 = a free port)");
        }
        // A half-started Kafka may not stop cleanly: give the shutdown hook a bounded time, then halt.
        Thread watchdog = new Thread(() -> {
            sleep(20_000);
            Runtime.getRuntime().halt(1);
        }, "local-stack-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(1);
    }

    /** Exits (running the shutdown hook) when stdin reaches EOF, i.e. when the parent process goes away. */
    private static void watchStdin(InputStream in) {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // input is ignored; only its end matters
                }
            } catch (IOException e) {
                // a broken stdin counts as closed
            }
            System.err.println("local-stack: stdin closed, stopping");
            System.exit(0);
        }, "local-stack-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }


    private static int portOrFree(int port) {
        return port == 0 ? FreePort.pick() : port;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
