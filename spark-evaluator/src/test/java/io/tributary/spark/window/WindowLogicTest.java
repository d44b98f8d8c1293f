package io.tributary.spark.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Record;
import io.tributary.spark.Records;
import io.tributary.spark.state.StateUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The window rules as pure functions: no Spark. */
class WindowLogicTest {
    private static final WindowSpec TEN_SECONDS = WindowSpec.tumbling(Duration.ofSeconds(10));

    private static List<String> counts(StateUpdate<?> update) {
        List<String> out = new ArrayList<>();
        for (Record r : update.outputs()) {
            out.add(r.field("key") + "@" + ((Instant) r.field("window_start")).getEpochSecond() + "=" + r.field("count"));
        }
        return out;
    }

    private static long s(long seconds) {
        return seconds * 1000;
    }

    @Test
    void tumblingWindowsAreAlignedToTheEpoch() {
        assertEquals(List.of(new Window(s(10), s(20))), TEN_SECONDS.windowsFor(s(12)));
        assertEquals(List.of(new Window(s(-10), s(0))), TEN_SECONDS.windowsFor(-1));
        assertEquals(s(20), TEN_SECONDS.lastEnd(s(19)));
        assertEquals(List.of(new Window(s(5), s(15))), TEN_SECONDS.withOffset(Duration.ofSeconds(5)).windowsFor(s(12)));
    }

    @Test
    void slidingWindowsCoverATimeSeveralTimesInOrder() {
        WindowSpec spec = WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofSeconds(5));
        assertEquals(List.of(new Window(s(0), s(10)), new Window(s(5), s(15))), spec.windowsFor(s(7)));
        assertEquals(List.of(new Window(s(5), s(15)), new Window(s(10), s(20))), spec.windowsFor(s(10)));
        assertEquals(s(15), spec.lastEnd(s(7)));
        assertTrue(WindowSpec.sliding(Duration.ofSeconds(2), Duration.ofSeconds(5)).windowsFor(s(3)).isEmpty(),
                "a slide longer than the size leaves gaps");
        assertThrows(IllegalArgumentException.class, () -> WindowSpec.tumbling(Duration.ZERO));
    }

    @Test
    void theWatermarkTrailsTheLargestEventTimeAndNeverGoesBack() {
        Watermark w = Watermark.withLateness(Duration.ofSeconds(5));
        assertEquals(Watermark.NONE, w.millis());
        assertTrue(!w.isLate(Long.MIN_VALUE + 1));
        w = w.observe(s(20)).observe(s(12));
        assertEquals(s(15), w.millis());
        assertTrue(w.isLate(s(14)));
        assertTrue(!w.isLate(s(15)));
        assertTrue(w.hasClosed(new Window(s(5), s(15))));
        assertTrue(!w.hasClosed(new Window(s(10), s(20))));
    }

    @Test
    void windowsEmitOnceTheWatermarkPassesTheirEnd() {
        WindowLogic<long[]> logic = new WindowLogic<>(TEN_SECONDS, EventTime.header(), LatePolicy.DROP,
                WindowFunction.count());
        StateUpdate<WindowBuffer<long[]>> first = logic.step("a",
                List.of(Records.at("a", 1), Records.at("a", 5), Records.at("a", 12)), Optional.empty(), Watermark.NONE);
        assertEquals(List.of(), counts(first));
        assertEquals(StateUpdate.Kind.UPDATE, first.kind());
        assertEquals(s(10), first.timerMillis(), "wake up when [0, 10) can close");

        StateUpdate<WindowBuffer<long[]>> second = logic.step("a", List.of(Records.at("a", 21)),
                Optional.of(first.state()), s(12));
        assertEquals(List.of("a@0=2"), counts(second));
        assertEquals(s(20), second.timerMillis());

        StateUpdate<WindowBuffer<long[]>> last = logic.step("a", List.of(), Optional.of(second.state()), s(40));
        assertEquals(List.of("a@10=1", "a@20=1"), counts(last));
        assertEquals(StateUpdate.Kind.REMOVE, last.kind(), "nothing open: the state goes");
    }

    @Test
    void aRecordWhoseWindowsAllClosedIsLateUnderEitherPolicy() {
        Optional<WindowBuffer<long[]>> none = Optional.empty();
        List<Record> batch = List.of(Records.at("a", 3), Records.at("a", 14));

        StateUpdate<WindowBuffer<long[]>> dropped = new WindowLogic<>(TEN_SECONDS, EventTime.header(), LatePolicy.DROP,
                WindowFunction.count()).step("a", batch, none, s(12));
        assertEquals(1, dropped.droppedCount());
        assertTrue(dropped.errors().isEmpty());
        assertEquals(1, dropped.state().open().size());

        StateUpdate<WindowBuffer<long[]>> routed = new WindowLogic<>(TEN_SECONDS, EventTime.header(), LatePolicy.ERROR,
                WindowFunction.count()).step("a", batch, none, s(12));
        assertEquals(0, routed.droppedCount());
        assertEquals(1, routed.errors().size());
        assertEquals(Instant.ofEpochSecond(3), routed.errors().get(0)._1.header().eventTime());
        assertTrue(routed.errors().get(0)._2.startsWith("LATE_RECORD: event time 1970-01-01T00:00:03Z is behind the"
                + " watermark 1970-01-01T00:00:12Z"), routed.errors().get(0)._2);
    }

    @Test
    void inSlidingWindowsARecordStillJoinsItsOpenWindows() {
        WindowLogic<long[]> logic = new WindowLogic<>(WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofSeconds(5)),
                EventTime.header(), LatePolicy.ERROR, WindowFunction.count());
        StateUpdate<WindowBuffer<long[]>> u = logic.step("a", List.of(Records.at("a", 8)), Optional.empty(), s(10));
        assertTrue(u.errors().isEmpty(), "[5, 15) is still open");
        assertEquals(List.of(new Window(s(5), s(15))), new ArrayList<>(u.state().open().keySet()));
    }

    @Test
    void eventTimeCanComeFromAFieldAndMissingTimesAreErrors() {
        WindowLogic<long[]> logic = new WindowLogic<>(TEN_SECONDS, EventTime.parse("/ts"), LatePolicy.DROP,
                WindowFunction.count());
        StateUpdate<WindowBuffer<long[]>> u = logic.step("a", List.of(Records.of("a", "ts", "1970-01-01T00:00:04Z"),
                Records.of("a", "ts", 6000L), Records.of("a")), Optional.empty(), Watermark.NONE);
        assertEquals(List.of("NO_EVENT_TIME: the record has no event time"), u.errors().stream().map(e -> e._2).toList());
        assertEquals(2, u.state().open().get(new Window(0, s(10)))[0]);
        assertThrows(IllegalArgumentException.class, () -> EventTime.parse("ts"));
    }
}
