package io.tributary.spark.window;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.spark.state.StateFunction;
import io.tributary.spark.state.StatefulTransformer;
import java.io.Serializable;
import java.time.Duration;

/**
 * A stateful evaluator that aggregates each key's records in event-time windows and emits one result per key
 * and window when the watermark closes the window (see {@link WindowLogic} for the exact rules, and
 * {@link StatefulTransformer} for state, watermark and restart). Subclasses give the aggregation:
 * <pre>{@code
 * public final class VisitsPerZone extends WindowedTransformer<long[]> {
 *     protected WindowFunction<long[]> windowFunction() { return WindowFunction.count(); }
 * }
 * }</pre>
 * configured with, besides the {@link StatefulTransformer#OPTIONS}: {@code window.size.ms} (required),
 * {@code window.slide.ms} (default: the size, i.e. tumbling), {@code window.offset.ms} (0) and
 * {@code window.late.policy} ({@code drop}, the default, or {@code error}).
 *
 * <p>Results of a window appear in the first batch whose watermark (from the earlier batches: largest event time
 * minus {@code watermark.lateness.ms}) has reached the window's end.
 *
 * <p>Evolving API since 0.1: may still change in a minor release.
 *
 * @param <A> the accumulator type
 * @since 0.1
 */
public abstract class WindowedTransformer<A extends Serializable> extends StatefulTransformer<WindowBuffer<A>> {
    public static final Option<Long> SIZE_MS = Option.longValue("window.size.ms", 0, 1, Long.MAX_VALUE,
            "Window length in event time").required();
    public static final Option<Long> SLIDE_MS = Option.longValue("window.slide.ms", 0, 0, Long.MAX_VALUE,
            "A new window starts every this many ms; 0 = the size (tumbling windows)");
    public static final Option<Long> OFFSET_MS = Option.longValue("window.offset.ms", 0, 0, Long.MAX_VALUE,
            "Shift of the window starts from the epoch");
    public static final Option<String> LATE_POLICY = Option.choice("window.late.policy", "drop",
            "A record whose windows have all closed: 'drop' (counted as records.dropped) or 'error' (LATE_RECORD)",
            "drop", "error");
    public static final OptionSet OPTIONS = StatefulTransformer.OPTIONS.with(SIZE_MS, SLIDE_MS, OFFSET_MS, LATE_POLICY);

    /** The aggregation; called once during {@code init}. */
    protected abstract WindowFunction<A> windowFunction();

    @Override
    protected OptionSet frameworkOptions() {
        return OPTIONS;
    }

    @Override
    protected final StateFunction<WindowBuffer<A>> stateFunction() {
        WindowLogic<A> logic = new WindowLogic<>(spec(frameworkSettings()), eventTime(),
                LatePolicy.parse(frameworkSettings().get(LATE_POLICY)), windowFunction());
        return (key, records, state, context) -> logic.step(key, records, state, context.watermark().millis());
    }

    static WindowSpec spec(Settings s) {
        long size = s.get(SIZE_MS);
        long slide = s.get(SLIDE_MS) == 0 ? size : s.get(SLIDE_MS);
        return WindowSpec.sliding(Duration.ofMillis(size), Duration.ofMillis(slide))
                .withOffset(Duration.ofMillis(s.get(OFFSET_MS)));
    }
}
