package io.tributary.spark.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import io.tributary.record.Record;
import io.tributary.spark.EvaluatorException;
import io.tributary.spark.Records;
import io.tributary.spark.StageError;
import io.tributary.spark.testing.BatchOutput;
import io.tributary.spark.testing.LocalSpark;
import io.tributary.spark.testing.TransformerHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorChainTest {
    private static final String STAMP = TestEvaluators.Stamp.class.getName();
    private static final String REQUIRE = TestEvaluators.Require.class.getName();
    private static final ChainOptions FAST_RETRIES = TransformerHarness.TEST_OPTIONS.with("retry.max", 2)
            .with("retry.backoff.ms", 10);

    @Test
    void theSecondEvaluatorSeesTheResultsOfTheFirst() {
        List<EvaluatorConfig> chain = List.of(EvaluatorConfig.of(STAMP, Map.of("field", "zone", "value", "food-court")),
                EvaluatorConfig.of(REQUIRE, Map.of("fields", "zone,device")));
        try (TransformerHarness h = TransformerHarness.chain(chain, TransformerHarness.TEST_OPTIONS)) {
            BatchOutput out = h.run(Records.of("a", "device", "d1"), Records.of("b", "device", "d2"),
                    Records.of("c", "other", 1L));

            assertEquals(List.of("food-court", "food-court"), Records.field(out.results(), "zone"));
            assertEquals(List.of("MISSING: device"), out.errorReasons());
            assertEquals("food-court", out.errorRecords().get(0).field("zone"), "stage 2 got stage 1's output");
        }
    }

    @Test
    void errorsOfEveryStageAreTaggedWithTheStageAndUnioned() {
        List<EvaluatorConfig> chain = List.of(EvaluatorConfig.of(STAMP, Map.of("field", "zone")).named("zoner"),
                EvaluatorConfig.of(STAMP, Map.of("field", "speed")).named("speeder"),
                EvaluatorConfig.of(REQUIRE, Map.of("fields", "zone,speed")));
        try (TransformerHarness h = TransformerHarness.chain(chain, TransformerHarness.TEST_OPTIONS)) {
            BatchOutput out = h.run(Records.of("a"), Records.of("b", "reject", "zone"), Records.of("c", "reject", "speed"),
                    Records.of("d"));

            assertEquals(2, out.results().size());
            assertEquals(2, out.errors().size());
            Map<String, StageError> byKey = new java.util.TreeMap<>();
            for (Map.Entry<Record, StageError> e : out.errors()) byKey.put(e.getKey().header().key(), e.getValue());
            assertEquals(new StageError(0, "zoner", STAMP, "REJECTED: by zone"), byKey.get("b"));
            assertEquals(new StageError(1, "speeder", STAMP, "REJECTED: by speed"), byKey.get("c"));
            assertEquals("REJECTED", byKey.get("c").code());
            Record annotated = byKey.get("c").annotate(Records.of("c"));
            assertEquals("speeder", annotated.header().attribute(StageError.ATTR_STAGE));

            BatchStats stats = out.stats();
            assertEquals(4, stats.inputRecords());
            assertEquals(List.of(4L, 3L, 2L), stats.stages().stream().map(StageStats::recordsIn).toList());
            assertEquals(List.of(3L, 2L, 2L), stats.stages().stream().map(StageStats::recordsOut).toList());
            assertEquals(List.of(1L, 1L, 0L), stats.stages().stream().map(StageStats::errors).toList());
            assertEquals(List.of("zoner", "speeder", "Require"), h.chain().stageNames());
        }
    }

    @Test
    void aThrowingTransformFailsTheBatchNamingTheClassAfterTheRetries() {
        TestEvaluators.Flaky.failuresLeft.set(100);
        TestEvaluators.Flaky.calls.set(0);
        List<EvaluatorConfig> chain = List.of(EvaluatorConfig.of(STAMP, Map.of("field", "x")),
                EvaluatorConfig.of(TestEvaluators.Flaky.class.getName(), Map.of()));
        try (TransformerHarness h = TransformerHarness.chain(chain, FAST_RETRIES)) {
            EvaluatorException e = assertThrows(EvaluatorException.class, () -> h.run(Records.of("a")));

            assertTrue(e.getMessage().contains(TestEvaluators.Flaky.class.getName()), e.getMessage());
            assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
            assertEquals(TestEvaluators.Flaky.class.getName(), e.className());
            assertEquals(EvaluatorException.Phase.TRANSFORM, e.phase());
            assertEquals(3, e.attempts());
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals(3, TestEvaluators.Flaky.calls.get(), "1 call + 2 retries");
        }
    }

    @Test
    void aTransformThatRecoversWithinTheRetriesCompletesTheBatch() {
        TestEvaluators.Flaky.failuresLeft.set(2);
        TestEvaluators.Flaky.calls.set(0);
        try (TransformerHarness h = TransformerHarness.chain(
                List.of(EvaluatorConfig.of(TestEvaluators.Flaky.class.getName(), Map.of())), FAST_RETRIES)) {
            BatchOutput out = h.run(Records.of("a"), Records.of("b"));

            assertEquals(2, out.results().size());
            assertEquals(3, out.stats().stages().get(0).attempts());
        }
    }

    @Test
    void aFunctionFailingOnAnExecutorIsPinnedToItsEvaluatorAndRetried() {
        List<EvaluatorConfig> chain = List.of(EvaluatorConfig.of(STAMP, Map.of("field", "x")),
                EvaluatorConfig.of(TestEvaluators.ExecutorBoom.class.getName(), Map.of()),
                EvaluatorConfig.of(STAMP, Map.of("field", "y")));
        TestEvaluators.ExecutorBoom.failuresLeft.set(1_000);
        try (TransformerHarness h = TransformerHarness.chain(chain, FAST_RETRIES)) {
            EvaluatorException e = assertThrows(EvaluatorException.class,
                    () -> h.run(Records.of("a"), Records.of("b", "boom", true)));
            assertEquals(TestEvaluators.ExecutorBoom.class.getName(), e.className(), e.getMessage());
            assertTrue(e.getMessage().startsWith("Evaluator 'ExecutorBoom' (" + TestEvaluators.ExecutorBoom.class.getName()
                    + ") failed on batch 1 after 3 attempts"), e.getMessage());
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals("boom in map for b", e.getCause().getMessage());
        }
        TestEvaluators.ExecutorBoom.failuresLeft.set(1);
        try (TransformerHarness h = TransformerHarness.chain(chain, FAST_RETRIES)) {
            BatchOutput out = h.run(Records.of("a"), Records.of("b", "boom", true));
            assertEquals(List.of("yes", "yes"), Records.field(out.results(), "y"));
            assertEquals(2, out.stats().attempts(), "the batch job ran twice");
        }
    }

    @Test
    void anExecutorFailureUpstreamOfAStatefulEvaluatorIsPinnedToTheUpstreamEvaluator() {
        TestEvaluators.ExecutorBoom.failuresLeft.set(1_000);
        List<EvaluatorConfig> chain = List.of(EvaluatorConfig.of(TestEvaluators.ExecutorBoom.class.getName(), Map.of()),
                EvaluatorConfig.of(new io.tributary.spark.state.RunningCount(), Map.of()));
        try (TransformerHarness h = TransformerHarness.chain(chain, TransformerHarness.TEST_OPTIONS)) {
            EvaluatorException e = assertThrows(EvaluatorException.class,
                    () -> h.run(Records.at("a", 1), Records.at("b", 2, "boom", true)));
            assertEquals(TestEvaluators.ExecutorBoom.class.getName(), e.className(), e.getMessage());
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
        }
    }

    @Test
    void anInitFailureDestroysEveryEvaluatorCreatedAndNamesTheClass() {
        TestEvaluators.Tracking.inits.set(0);
        TestEvaluators.Tracking.destroys.set(0);
        TestEvaluators.FailingInit.destroys.set(0);
        String failing = TestEvaluators.FailingInit.class.getName();
        List<EvaluatorConfig> chain = List.of(EvaluatorConfig.of(TestEvaluators.Tracking.class.getName(), Map.of()),
                EvaluatorConfig.of(failing, Map.of()),
                EvaluatorConfig.of(TestEvaluators.Tracking.class.getName(), Map.of()));

        EvaluatorException e = assertThrows(EvaluatorException.class,
                () -> EvaluatorChain.start(LocalSpark.get(), chain, ChainOptions.defaults()));

        assertEquals(EvaluatorException.Phase.INIT, e.phase());
        assertEquals(failing, e.className());
        assertTrue(e.getMessage().contains(failing) && e.getMessage().contains("cannot reach the lookup service"),
                e.getMessage());
        assertEquals(1, TestEvaluators.Tracking.inits.get(), "the third evaluator's init is never reached");
        assertEquals(2, TestEvaluators.Tracking.destroys.get(), "both Tracking instances are destroyed");
        assertEquals(1, TestEvaluators.FailingInit.destroys.get(), "the failed one is destroyed too");
    }

    @Test
    void destroyIsCalledOnceOnCloseEvenWhenClosedTwice() {
        TestEvaluators.Tracking.destroys.set(0);
        EvaluatorChain chain = EvaluatorChain.start(LocalSpark.get(),
                List.of(EvaluatorConfig.of(TestEvaluators.Tracking.class.getName(), Map.of())), ChainOptions.defaults());
        chain.close();
        chain.close();
        assertEquals(1, TestEvaluators.Tracking.destroys.get());
    }

    @Test
    void unusableClassesAreReportedTogetherByName() {
        List<EvaluatorConfig> chain = List.of(EvaluatorConfig.of("com.acme.Missing", Map.of()),
                EvaluatorConfig.of(TestEvaluators.NotATransformer.class.getName(), Map.of()),
                EvaluatorConfig.of(TestEvaluators.NoDefaultConstructor.class.getName(), Map.of()));

        ConfigException e = assertThrows(ConfigException.class,
                () -> EvaluatorChain.start(LocalSpark.get(), chain, ChainOptions.defaults()));

        assertEquals(3, e.problems().size(), e.getMessage());
        assertEquals("evaluators[0].class", e.problems().get(0).key());
        assertTrue(e.problems().get(0).message().contains("com.acme.Missing"), e.getMessage());
        assertTrue(e.problems().get(1).message().contains("is not a io.tributary.spark.SparkTransformer"), e.getMessage());
        assertTrue(e.problems().get(2).message().contains("no public no-argument constructor"), e.getMessage());
    }

    @Test
    void invalidParamsOfAnEvaluatorStopTheStartWithTheKey() {
        EvaluatorException e = assertThrows(EvaluatorException.class, () -> EvaluatorChain.start(LocalSpark.get(),
                List.of(EvaluatorConfig.of(STAMP, Map.of("feild", "x"))), ChainOptions.defaults()));
        assertInstanceOf(ConfigException.class, e.getCause());
        assertTrue(e.getMessage().contains("feild: unknown option"), e.getMessage());
    }

    @Test
    void theJobConfigListIsParsedAndCheckedAsAWhole() {
        List<EvaluatorConfig> ok = EvaluatorConfig.parseList(List.of(
                Map.of("class", STAMP, "name", "z", "params", Map.of("field", "zone", "count", 3))));
        assertEquals("z", ok.get(0).name());
        assertEquals(Map.of("field", "zone", "count", "3"), ok.get(0).params());

        ConfigException e = assertThrows(ConfigException.class, () -> EvaluatorConfig.parseList(List.of(
                Map.of("clas", STAMP), Map.of("class", STAMP, "params", Map.of("nested", Map.of())))));
        assertEquals(List.of("evaluators[0].clas", "evaluators[0].class", "evaluators[1].params.nested"),
                e.problems().stream().map(ConfigException.Problem::key).toList());
    }

    @Test
    void aStageTypeIsUsedByItsNameAndNamesTheStage() {
        List<EvaluatorConfig> chain = EvaluatorConfig.parseList(List.of(
                Map.of("type", "stamp", "params", Map.of("field", "zone", "value", "atrium")),
                Map.of("class", REQUIRE, "params", Map.of("fields", "zone"))));
        assertEquals("stamp", chain.get(0).type());
        assertEquals(STAMP, chain.get(0).className());
        try (TransformerHarness h = TransformerHarness.chain(chain, TransformerHarness.TEST_OPTIONS)) {
            BatchOutput out = h.run(Records.of("a"), Records.of("b", "reject", "zone"));
            assertEquals(List.of("atrium"), Records.field(out.results(), "zone"));
            assertEquals("stamp", out.errors().get(0).getValue().stageName());
        }
    }

    @Test
    void stageTypesAreCheckedWhenTheConfigIsReadWithEveryProblemByKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> EvaluatorConfig.parseList(List.of(
                Map.of("type", "stmap"),
                Map.of("type", "stamp", "params", Map.of("feild", "x")),
                Map.of("type", "stamp", "class", STAMP, "params", Map.of("field", "x")))));
        List<String> keys = e.problems().stream().map(ConfigException.Problem::key).toList();
        assertEquals(List.of("evaluators[0].type", "evaluators[1].params.feild", "evaluators[1].params.field",
                "evaluators[2].type"), keys);
        assertTrue(e.problems().get(0).message().contains("[stamp]"), e.getMessage());
    }

    @Test
    void withoutMaterializingTheOutcomeIsLazyAndCountedWhenTheSinksRun() {
        ChainOptions lazy = TransformerHarness.TEST_OPTIONS.with("materialize", false);
        try (TransformerHarness h = TransformerHarness.chain(
                List.of(EvaluatorConfig.of(STAMP, Map.of("field", "zone"))), lazy)) {
            BatchOutput out = h.run(Records.of("a"), Records.of("b", "reject", "zone"), Records.of("c"));
            assertEquals(2, out.results().size());
            assertEquals(1, out.errors().size());
            assertEquals(3, out.stats().inputRecords());
            assertEquals(2, out.stats().resultRecords());
            assertEquals(1, out.stats().errorRecords());
            assertEquals(0, out.stats().attempts());
        }
    }

    @Test
    void retryBackoffDoublesUpToTheMaximum() {
        RetryPolicy p = new RetryPolicy(5, 100, 350);
        assertEquals(List.of(100L, 200L, 350L, 350L), List.of(p.backoffBefore(1), p.backoffBefore(2),
                p.backoffBefore(3), p.backoffBefore(4)));
    }
}
