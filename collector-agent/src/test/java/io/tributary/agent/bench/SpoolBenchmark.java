package io.tributary.agent.bench;

import io.tributary.agent.config.SpoolConfig;
import io.tributary.agent.delivery.Outgoing;
import io.tributary.agent.spool.Spool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable append rate of the spool: each operation appends a batch and waits until it is fsynced. With 8
 * threads, appends that arrive while the writer forces share the next force (group commit). Entries are 250
 * bytes encoded (266 on disk with the frame). The spool drops its oldest segments to stay under its cap, so
 * segment deletion is part of what is measured. {@code entries} and {@code bytes} are per second.
 *
 * <pre>
 * mvn -q -B -Pbench -pl collector-agent -am test-compile exec:exec -Dexec.skip \
 *     -Djmh.args="SpoolBenchmark -f 1 -wi 2 -i 3"
 * </pre>
 *
 * ({@code -Dexec.skip} skips exec in the modules {@code -am} adds; collector-agent's bench profile overrides it.)
 * The spool directory is under {@code java.io.tmpdir}; point it at the disk to measure with
 * {@code -jvmArgs -Djava.io.tmpdir=/path}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class SpoolBenchmark {
    /** Entries per append. */
    @Param({"1", "100"})
    public int batch;

    /** always: fsync every group of appends; interval: every 5 ms. */
    @Param({"always"})
    public String fsync;

    /** Drop-oldest logs a warning per dropped segment; that would interleave with JMH's output. */
    private static final Logger SPOOL_LOG = Logger.getLogger("io.tributary.agent.spool");

    private Path dir;
    private Spool spool;
    private List<Outgoing> entries;

    /** Entries and bytes appended durably, reported per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Appended {
        public long entries;
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            entries = 0;
            bytes = 0;
        }
    }

    static final int ENTRY_BYTES = 250;
    static final int FRAME_BYTES = ENTRY_BYTES + 16;

    @Setup(Level.Trial)
    public void open() throws IOException {
        SPOOL_LOG.setLevel(java.util.logging.Level.SEVERE);
        dir = Files.createTempDirectory("spool-bench");
        spool = Spool.open(new SpoolConfig(dir, 1L << 30, 64L << 20, fsync, 5, "drop-oldest"));
        entries = new ArrayList<>();
        for (int i = 0; i < batch; i++) entries.add(entry(i));
    }

    /** A message whose spool encoding is exactly {@link #ENTRY_BYTES}: topic, key, one header, a JSON value. */
    static Outgoing entry(int i) {
        byte[] key = String.format("sensor-%04d", i % 1000).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("content-type", "application/json");
        int fixed = 4 + 4 + 4 + key.length + 4 + 4 + 4 + 12 + 4 + 16;
        String json = "{\"sensor\":\"s-" + i + "\",\"rssi\":-67,\"ts\":1700000000000,\"pad\":\"";
        String value = json + "x".repeat(ENTRY_BYTES - fixed - json.length() - 2) + "\"}";
        return new Outgoing("rssi", key, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        spool.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }

    @Benchmark
    @Threads(1)
    public void append1Thread(Appended appended) {
        spool.append(entries).join();
        appended.entries += batch;
        appended.bytes += (long) batch * FRAME_BYTES;
    }

    @Benchmark
    @Threads(8)
    public void append8Threads(Appended appended) {
        spool.append(entries).join();
        appended.entries += batch;
        appended.bytes += (long) batch * FRAME_BYTES;
    }
}
