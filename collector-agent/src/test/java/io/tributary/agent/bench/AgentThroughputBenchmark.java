package io.tributary.agent.bench;

import io.tributary.agent.runtime.Agent;
import io.tributary.agent.testing.TestOriginType;
import io.tributary.localstack.LocalStack;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark harness (not a test): the agent's durable-ack throughput from the in-process test origin into the
 * real local Kafka, against Kafka's own ProducerPerformance with the same producer settings on the same broker
 * in the same run. Prints a table. Run with:
 * {@code mvn -q -B -Pbench -pl local-stack,formats,origins,collector-agent package exec:exec -DskipTests -Dexec.skip
 * -Dbench.main=io.tributary.agent.bench.AgentThroughputBenchmark -Djmh.args=1000000}.
 * The argument is the number of records per run.
 */
public final class AgentThroughputBenchmark {
    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String[]> rows = new ArrayList<>();
        try (LocalStack kafka = LocalStack.builder().mqtt(false).topics("pp:1", "pp2:1", "agent1:1", "agent100:1").start()) {
            rows.add(producerPerformance(kafka, "pp", records));
            rows.add(agent(kafka, "agent1", records, 1));
            rows.add(agent(kafka, "agent100", records, 100));
            rows.add(producerPerformance(kafka, "pp2", records));
        }
        System.out.printf("%n| run | records | records/s | MB/s (values) | CPU s per M records (this JVM) |%n");
        System.out.printf("|---|---|---|---|---|%n");
        for (String[] r : rows) System.out.printf("| %s | %s | %s | %s | %s |%n", (Object[]) r);
    }

    private static String[] producerPerformance(LocalStack kafka, String topic, int records) throws Exception {
        BenchSupport.ProducerPerformanceResult pp = BenchSupport.producerPerformance(kafka, topic, records, 250);
        return new String[] {"Kafka ProducerPerformance (250-byte values)", String.valueOf(pp.records()),
                String.format("%.1f", pp.recordsPerSecond()), String.format("%.2f", pp.megabytesPerSecond()),
                String.format("%.1f (its own JVM)", pp.cpuPerMillion())};
    }

    private static String[] agent(LocalStack kafka, String topic, int records, int perPayload) throws Exception {
        String payload = BenchSupport.payload(perPayload);
        long valueBytes;
        try (Agent agent = BenchSupport.agent(kafka, topic, """
                      - type: test
                        id: bench-in
                """)) {
            TestOriginType.TestOrigin origin = TestOriginType.origin("bench-in");
            byte[] body = payload.getBytes(StandardCharsets.UTF_8);
            int payloads = records / perPayload;
            Semaphore window = new Semaphore(Math.max(64, 20_000 / perPayload));
            AtomicLong failures = new AtomicLong();
            long cpuBefore = BenchSupport.cpuNanos();
            long start = System.nanoTime();
            for (int i = 0; i < payloads; i++) {
                window.acquire();
                origin.send(body, null).whenComplete((r, e) -> {
                    if (e != null) failures.incrementAndGet();
                    window.release();
                });
            }
            window.acquire(Math.max(64, 20_000 / perPayload));
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (BenchSupport.cpuNanos() - cpuBefore) / 1e9;
            if (failures.get() > 0) throw new IllegalStateException(failures.get() + " payloads failed");
            valueBytes = (long) records * 250;
            return new String[] {"agent, test origin -> Kafka, durable acks, " + perPayload + " record(s)/payload",
                    String.valueOf(records), String.format("%.0f", records / seconds),
                    String.format("%.2f (input JSON)", valueBytes / seconds / 1e6),
                    String.format("%.1f (agent)", cpu / (records / 1e6))};
        }
    }
}
