package io.tributary.spark.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Record;
import io.tributary.spark.Records;
import io.tributary.spark.testing.BatchOutput;
import io.tributary.spark.testing.TransformerHarness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Event-time windows on local Spark, across micro-batches. */
class WindowedTransformerTest {

    /** Counts records per key and window. */
    public static final class CountPerWindow extends WindowedTransformer<long[]> {
        @Override
        protected WindowFunction<long[]> windowFunction() {
            return WindowFunction.count();
        }
    }

    private static List<String> counts(BatchOutput out) {
        List<String> c = new ArrayList<>();
        for (Record r : out.results()) {
            c.add(r.field("key") + "@" + ((Instant) r.field("window_start")).getEpochSecond() + "=" + r.field("count"));
        }
        c.sort(null);
        return c;
    }

    private static List<BatchOutput> run(Map<String, String> params, List<List<Record>> batches) {
        try (TransformerHarness h = TransformerHarness.of(new CountPerWindow(), params)) {
            return h.runBatches(batches);
        }
    }

    @Test
    void tumblingCountsEmitWhenTheWatermarkPassesEvenForSilentKeys() {
        List<BatchOutput> out = run(Map.of("window.size.ms", "10000"), List.of(
                List.of(Records.at("a", 1), Records.at("a", 2), Records.at("b", 5), Records.at("a", 12)),
                List.of(Records.at("a", 13), Records.at("b", 21)),
                List.of(Records.at("c", 35)),
                List.of()));

        assertEquals(List.of(), counts(out.get(0)), "no watermark yet");
        assertEquals(List.of("a@0=2", "b@0=1"), counts(out.get(1)), "watermark 12 s closes [0, 10)");
        assertEquals(List.of("a@10=2"), counts(out.get(2)), "watermark 21 s; a is silent, its timer fires");
        assertEquals(List.of("b@20=1"), counts(out.get(3)), "watermark 35 s, on an empty batch");
        assertEquals(Instant.ofEpochSecond(20), out.get(3).results().get(0).header().eventTime());
    }

    @Test
    void slidingCountsCountARecordInEveryWindowItFallsIn() {
        List<BatchOutput> out = run(Map.of("window.size.ms", "10000", "window.slide.ms", "5000"), List.of(
                List.of(Records.at("a", 1), Records.at("a", 7)),
                List.of(Records.at("a", 30)),
                List.of()));

        assertEquals(List.of("a@-5=1"), counts(out.get(1)), "watermark 7 s closes [-5, 5)");
        assertEquals(List.of("a@0=2", "a@5=1"), counts(out.get(2)), "watermark 30 s closes [0, 10) and [5, 15)");
    }

    @Test
    void allowedLatenessKeepsWindowsOpenLonger() {
        List<BatchOutput> out = run(Map.of("window.size.ms", "10000", "watermark.lateness.ms", "10000"), List.of(
                List.of(Records.at("a", 1), Records.at("a", 16)),
                List.of(Records.at("a", 3)),
                List.of(Records.at("a", 25)),
                List.of(Records.at("a", 26))));

        assertTrue(out.get(1).errors().isEmpty() && out.get(1).results().isEmpty(), "watermark 6 s: a@3 is in time");
        assertEquals(List.of(), counts(out.get(2)), "watermark still 6 s");
        assertEquals(List.of("a@0=2"), counts(out.get(3)), "watermark 15 s closes [0, 10) only");
    }

    @Test
    void lateRecordsAreDroppedAndCounted() {
        List<BatchOutput> out = run(Map.of("window.size.ms", "10000", "window.late.policy", "drop"), List.of(
                List.of(Records.at("a", 15)),
                List.of(Records.at("a", 3), Records.at("a", 16), Records.at("b", 2))));

        assertTrue(out.get(1).errors().isEmpty());
        assertEquals(2L, out.get(1).stats().stages().get(0).counters().get("records.dropped"));
    }

    @Test
    void lateRecordsCanBeRoutedToTheErrors() {
        List<BatchOutput> out = run(Map.of("window.size.ms", "10000", "window.late.policy", "error"), List.of(
                List.of(Records.at("a", 15)),
                List.of(Records.at("a", 3), Records.at("a", 16))));

        assertEquals(1, out.get(1).errors().size());
        assertEquals("LATE_RECORD", out.get(1).errors().get(0).getValue().code());
        assertEquals(Instant.ofEpochSecond(3), out.get(1).errorRecords().get(0).header().eventTime());
        assertEquals(0L, out.get(1).stats().stages().get(0).counters().get("records.dropped"));
    }
}
