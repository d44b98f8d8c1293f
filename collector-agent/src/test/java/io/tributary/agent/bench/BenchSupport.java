package io.tributary.agent.bench;

import io.tributary.agent.config.AgentConfig;
import io.tributary.agent.runtime.Agent;
import io.tributary.config.YamlLoader;
import io.tributary.localstack.LocalStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the agent benchmark harnesses share: Kafka's ProducerPerformance ceiling, child JVMs, CPU, payloads. */
final class BenchSupport {
    /** The producer settings of the agent's destination, given to ProducerPerformance too. */
    static final String PRODUCER_SETTINGS = "acks=all enable.idempotence=true compression.type=lz4 "
            + "linger.ms=5 batch.size=65536";

    private BenchSupport() {
    }

    /** One ProducerPerformance run. */
    record ProducerPerformanceResult(long records, double recordsPerSecond, double megabytesPerSecond,
            double cpuSeconds) {
        double cpuPerMillion() {
            return cpuSeconds / (records / 1e6);
        }
    }

    /**
     * Kafka's {@code org.apache.kafka.tools.ProducerPerformance} in its own JVM (from the local stack's jar):
     * {@code records} values of {@code recordSize} bytes into {@code topic}, unthrottled, with
     * {@link #PRODUCER_SETTINGS}.
     */
    static ProducerPerformanceResult producerPerformance(LocalStack kafka, String topic, long records, int recordSize)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", kafka.jar().toString(),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
                String.valueOf(records), "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + kafka.bootstrapServers()));
        cmd.addAll(List.of(PRODUCER_SETTINGS.split(" ")));
        double cpu0 = reapedChildrenCpuSeconds();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.contains("records sent")) last = line;
            }
        }
        p.waitFor();
        double cpu = reapedChildrenCpuSeconds() - cpu0;
        if (last == null) throw new IllegalStateException("ProducerPerformance printed no result");
        // "N records sent, X records/sec (Y MB/sec), ..."
        String[] parts = last.split("[ ,()]+");
        return new ProducerPerformanceResult(Long.parseLong(parts[0]), Double.parseDouble(parts[3]),
                Double.parseDouble(parts[5]), cpu);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A child JVM running {@code main} from this JVM's (test) classpath. */
    static ProcessBuilder childJvm(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /** Runs a child to its end; returns its output's last line and its CPU seconds. */
    static ChildResult runToEnd(ProcessBuilder pb) throws IOException, InterruptedException {
        double cpu0 = reapedChildrenCpuSeconds();
        Process p = pb.redirectErrorStream(true).start();
        String last = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                last = line;
                all.append(line).append('\n');
            }
        }
        int rc = p.waitFor();
        double cpu = reapedChildrenCpuSeconds() - cpu0;
        if (rc != 0) throw new IllegalStateException(pb.command() + " exited " + rc + ":\n" + all);
        return new ChildResult(last, cpu);
    }

    record ChildResult(String lastLine, double cpuSeconds) {
        /** The value of {@code key=value} in the last line. */
        String value(String key) {
            for (String part : lastLine.split(" ")) {
                if (part.startsWith(key + "=")) return part.substring(key.length() + 1);
            }
            throw new IllegalArgumentException(key + " not in: " + lastLine);
        }
    }

    /**
     * CPU seconds of children of this JVM that ended and were reaped so far ({@code cutime + cstime} of
     * {@code /proc/self/stat}). {@code ProcessHandle.info().totalCpuDuration()} is empty once a child has exited
     * (its /proc entry is gone), so a child's CPU is the difference of this around its run; only one child ends
     * in that window.
     */
    static double reapedChildrenCpuSeconds() {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state(3) ... cutime is field 16, cstime 17 (1-based over the whole line)
            return (Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds of a child while it was alive (best effort; -1 when unknown). */
    static double childCpuSeconds(Process p) {
        return p.info().totalCpuDuration().map(Duration::toMillis).orElse(-1000L) / 1000.0;
    }

    /** CPU nanoseconds of this whole JVM so far. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** NDJSON with {@code n} ~250-byte sensor events. */
    static String payload(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"device\":\"a4:5e:60:c1:22:").append(String.format("%02x", i % 256))
                    .append("\",\"sensor_id\":\"s-017\",\"mall\":\"m1\",\"ts\":\"2026-11-22T10:15:30.123Z\",")
                    .append("\"type\":\"wifi\",\"rssi\":-67,\"channel\":6,\"battery\":0.87,\"seq\":").append(100000 + i)
                    .append(",\"readings\":[{\"k\":\"temp\",\"v\":21.5},{\"k\":\"hum\",\"v\":40.1}]}\n");
        }
        return sb.toString();
    }

    /** A started agent with one pipeline: {@code originYaml} (list items indented 6) -> json -> Kafka topic. */
    static Agent agent(LocalStack kafka, String topic, String originYaml) throws Exception {
        Path spool = Files.createTempDirectory("bench-spool");
        String yaml = """
                agent:
                  id: bench
                  summary.interval.ms: 0
                admin:
                  enabled: false
                pipelines:
                  - name: bench
                    max.inflight.payloads: 100000
                    origins:
                %s
                    format:
                      type: json
                    content.types:
                      application/json: {type: json}
                      application/x-ndjson: {type: json}
                    destination:
                      bootstrap.servers: %s
                      topic: %s
                      key.field: /device
                    spool:
                      dir: %s
                """.formatted(originYaml.stripTrailing(), kafka.bootstrapServers(), topic, spool);
        Agent agent = Agent.build(AgentConfig.parse(new YamlLoader(Map.<String, String>of()::get).parse(yaml)));
        agent.start();
        return agent;
    }
}
