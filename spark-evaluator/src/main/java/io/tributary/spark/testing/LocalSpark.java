package io.tributary.spark.testing;

import io.tributary.spark.TributaryKryoRegistrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One local Spark context per JVM for tests: {@code local[2]}, bound to 127.0.0.1, UI off, Kryo with
 * {@link TributaryKryoRegistrator}, 2 shuffle partitions, a temporary checkpoint directory. Starting Spark costs
 * one to two seconds, so every test of the JVM shares it; it stops when the JVM exits (Spark's shutdown hook),
 * or earlier with {@link #stop()}.
 *
 * <p>If a Spark context is already running in the JVM it is used as it is. The JVM needs Spark's
 * {@code --add-opens} list on Java 17 (Tributary's root pom puts it in Surefire's {@code argLine}).
 *
 * <p>Thread-safe.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @since 0.1
 */
public final class LocalSpark {
    private static final String APP_NAME = "tributary-test";
    private static JavaSparkContext shared;
    private static Path checkpointDir;

    private LocalSpark() {
    }

    /** The settings the shared context starts with. */
    public static SparkConf conf() {
        return new SparkConf()
                .setMaster("local[2]")
                .setAppName(APP_NAME)
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", TributaryKryoRegistrator.NAME)
                .set("spark.default.parallelism", "2")
                .set("spark.sql.shuffle.partitions", "2")
                .set("spark.cleaner.referenceTracking.cleanCheckpoints", "true");
    }

    /** The shared context, started on first use. */
    public static synchronized JavaSparkContext get() {
        if (shared == null || shared.sc().isStopped()) {
            shared = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf()));
            if (APP_NAME.equals(shared.appName())) shared.setLogLevel("WARN");
            if (!shared.getCheckpointDir().isPresent()) {
                try {
                    checkpointDir = Files.createTempDirectory("tributary-spark-checkpoints");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                shared.setCheckpointDir(checkpointDir.toUri().toString());
                Path dir = checkpointDir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "tributary-checkpoint-cleanup"));
            }
        }
        return shared;
    }

    /** Stops the shared context now (the next {@link #get()} starts a new one). */
    public static synchronized void stop() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
        if (checkpointDir != null) {
            deleteQuietly(checkpointDir);
            checkpointDir = null;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a temporary directory
        }
    }
}
