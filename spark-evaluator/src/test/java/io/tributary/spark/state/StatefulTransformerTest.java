package io.tributary.spark.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Record;
import io.tributary.spark.EvaluatorException;
import io.tributary.spark.Records;
import io.tributary.spark.runner.ChainOptions;
import io.tributary.spark.runner.EvaluatorConfig;
import io.tributary.spark.testing.BatchOutput;
import io.tributary.spark.testing.TransformerHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatefulTransformerTest {

    private static Map<String, Object> byKey(List<Record> records, String field) {
        Map<String, Object> values = new TreeMap<>();
        for (Record r : records) {
            if (r.field(field) != null) values.put(r.header().key(), r.field(field));
        }
        return values;
    }

    @Test
    void stateIsCarriedAcrossBatchesAndRemovedOnRequest() {
        try (TransformerHarness h = TransformerHarness.of(new RunningCount(),
                Map.of("state.checkpoint.interval.batches", "2"))) {
            List<BatchOutput> out = h.runBatches(List.of(
                    List.of(Records.at("a", 1), Records.at("a", 2), Records.at("b", 1)),
                    List.of(Records.at("a", 3), Records.at("b", 2, "end", true), Records.at("c", 2)),
                    List.of(Records.at("a", 4), Records.at("b", 5))));

            assertEquals(Map.of("a", 2L, "b", 1L), byKey(out.get(0).results(), "count"));
            assertEquals(Map.of("a", 3L, "b", 2L, "c", 1L), byKey(out.get(1).results(), "count"));
            assertEquals(Map.of("a", 4L, "b", 1L), byKey(out.get(2).results(), "count"), "b restarted after 'end'");
            assertEquals(3L, byKey(out.get(2).results(), "batch").get("a"));

            RunningCount evaluator = (RunningCount) h.chain().evaluators().get(0);
            assertEquals(3, evaluator.stateKeys(), "a, b and c hold state");
            assertEquals(3, evaluator.batches());
            assertEquals(3L, out.get(2).stats().stages().get(0).counters().get("state.keys"));
        }
    }

    @Test
    void recordsOfAKeyArriveInEventTimeOrderAcrossPartitions() {
        try (TransformerHarness h = TransformerHarness.of(new RunningCount())) {
            BatchOutput out = h.run(Records.at("a", 5), Records.at("a", 1), Records.at("b", 9), Records.at("a", 3),
                    Records.at("a", 2));
            assertEquals(List.of(1L, 2L, 3L, 5L), byKey(out.results(), "times").get("a"));
        }
    }

    @Test
    void aKeySilentForLongerThanTheTtlTimesOutWithALastCall() {
        try (TransformerHarness h = TransformerHarness.of(new RunningCount(), Map.of("state.ttl.ms", "10000"))) {
            List<BatchOutput> out = h.runBatches(List.of(
                    List.of(Records.at("a", 0), Records.at("b", 0)),
                    List.of(Records.at("a", 60)),
                    List.of(Records.at("a", 61)),
                    List.of(Records.at("a", 62), Records.at("b", 62))));

            assertEquals(Map.of("a", 2L), byKey(out.get(1).results(), "count"), "the clock was 0 before batch 2");
            assertEquals(Map.of(), byKey(out.get(1).results(), "expired"));
            assertEquals(Map.of("b", 1L), byKey(out.get(2).results(), "expired"), "the clock reached 60 > 0 + 10 s");
            assertEquals(Map.of("a", 4L, "b", 1L), byKey(out.get(3).results(), "count"), "b starts afresh");
            assertEquals(1L, out.get(3).stats().stages().get(0).counters().get("state.expired"));
        }
    }

    @Test
    void recordsWithoutAKeyAreErrors() {
        try (TransformerHarness h = TransformerHarness.of(new RunningCount())) {
            Record noKey = Records.at(null, 1);
            BatchOutput out = h.run(Records.at("a", 1), noKey);
            assertEquals(List.of("NO_KEY: the record has no state key"), out.errorReasons());
            assertEquals(1, out.results().size());
        }
    }

    @Test
    void theKeyCanComeFromAField() {
        try (TransformerHarness h = TransformerHarness.of(new RunningCount(), Map.of("state.key", "/shopper"))) {
            BatchOutput out = h.run(Records.at("s1", 1, "shopper", "x"), Records.at("s2", 2, "shopper", "x"));
            assertEquals(1, out.results().size());
            assertEquals(2L, out.results().get(0).field("count"));
        }
    }

    @Test
    void unknownFrameworkOptionsAreRejected() {
        EvaluatorException e = assertThrows(EvaluatorException.class,
                () -> TransformerHarness.of(new RunningCount(), Map.of("state.ttl.msec", "5")));
        assertTrue(e.getMessage().contains("state.ttl.msec: unknown option"), e.getMessage());
    }

    @Test
    void aFailingStateFunctionFailsTheBatchAndARetryStartsFromTheSameState() {
        ChainOptions retries = TransformerHarness.TEST_OPTIONS.with("retry.max", 1).with("retry.backoff.ms", 1);
        RunningCount.failuresLeft.set(1);
        try (TransformerHarness h = TransformerHarness.chain(List.of(EvaluatorConfig.of(new RunningCount(), Map.of())),
                retries)) {
            h.run(Records.at("a", 1));
            BatchOutput second = h.run(Records.at("a", 2, "boom", true), Records.at("a", 3));
            assertEquals(3L, second.results().get(0).field("count"), "the failed attempt did not count");
            assertEquals(2, second.stats().stages().get(0).attempts());
        }
        RunningCount.failuresLeft.set(10);
        try (TransformerHarness h = TransformerHarness.of(new RunningCount())) {
            EvaluatorException e = assertThrows(EvaluatorException.class, () -> h.run(Records.at("a", 2, "boom", true)));
            assertEquals(RunningCount.class.getName(), e.className());
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
    }

    @Test
    void aRestartedChainResumesWithItsStateAndSourcePosition(@TempDir Path dir) throws Exception {
        ChainOptions options = TransformerHarness.TEST_OPTIONS.with("state.dir", dir.toUri().toString())
                .with("state.snapshot.interval.batches", 2);
        List<EvaluatorConfig> chain = List.of(EvaluatorConfig.of(RunningCount.class.getName(), Map.of()).named("counts"));
        try (TransformerHarness h = TransformerHarness.chain(chain, options)) {
            assertEquals(Optional.empty(), h.chain().restore());
            h.runBatches(List.of(List.of(Records.at("a", 1), Records.at("b", 1)), List.of(Records.at("a", 2)),
                    List.of(Records.at("a", 3))));
        }
        assertTrue(Files.exists(dir.resolve("snapshot-000000000001/MANIFEST.properties")));
        assertTrue(Files.notExists(dir.resolve("snapshot-000000000002")), "batch 3 is not a snapshot point");

        try (TransformerHarness h = TransformerHarness.chain(chain, options)) {
            assertEquals(Optional.of("harness-batch-2"), h.chain().restore(), "resume after batch 2");
            RunningCount restored = (RunningCount) h.chain().evaluators().get(0);
            assertEquals(2, restored.batches());
            assertEquals(2, restored.stateKeys());
            assertEquals(2000, restored.watermark().maxEventTimeMillis());
            BatchOutput replayed = h.run(Records.at("a", 3), Records.at("b", 3));
            assertEquals(Map.of("a", 3L, "b", 2L), byKey(replayed.results(), "count"));
            assertEquals(3, replayed.stats().batchIndex(), "the batch numbers continue");
            h.run(Records.at("a", 4));
            h.chain().snapshot("final");
        }
        try (TransformerHarness h = TransformerHarness.chain(chain, options)) {
            assertEquals(Optional.of("final"), h.chain().restore());
            assertEquals(Map.of("a", 5L), byKey(h.run(Records.at("a", 5)).results(), "count"));
        }
        try (var listing = Files.list(dir)) {
            assertEquals(2, listing.count(), "state.snapshot.retain=2");
        }
    }
}
