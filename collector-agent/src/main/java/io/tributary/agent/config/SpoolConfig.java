package io.tributary.agent.config;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * The pipeline's store-and-forward spool, used while Kafka cannot take records.
 *
 * @param dir the spool's directory (one per pipeline)
 * @param maxBytes the most bytes its segment files may hold
 * @param segmentBytes the size at which a new segment file is started
 * @param fsync {@code always} (fsync every append batch before acknowledging) or {@code interval}
 * @param fsyncIntervalMs with {@code interval}: how often to fsync; acknowledgements wait for it
 * @param whenFull {@code block} (refuse new input: origins apply back-pressure) or {@code drop-oldest}
 */
public record SpoolConfig(Path dir, long maxBytes, long segmentBytes, String fsync, long fsyncIntervalMs,
        String whenFull) {
    public static final Option<String> DIR = Option.string("dir", null,
            "Directory of the spool's segment files. Default: spool/<pipeline name> under the working directory.");
    public static final Option<Long> MAX_BYTES = Option.longValue("max.bytes", 1L << 30, 1 << 20, Long.MAX_VALUE,
            "Most bytes the spool may hold; then the when.full policy applies.");
    public static final Option<Long> SEGMENT_BYTES = Option.longValue("segment.bytes", 64L << 20, 64 << 10,
            1L << 30, "Size at which the spool starts a new segment file; whole segments are deleted once sent.");
    public static final Option<String> FSYNC = Option.choice("fsync", "always",
            "always: fsync each append batch before acknowledging it; interval: fsync every fsync.interval.ms,"
                    + " acknowledging after that fsync.", "always", "interval");
    public static final Option<Long> FSYNC_INTERVAL_MS = Option.longValue("fsync.interval.ms", 50, 1, 60_000,
            "With fsync: interval, how often the spool fsyncs.");
    public static final Option<String> WHEN_FULL = Option.choice("when.full", "block",
            "block: refuse new input while full (origins apply back-pressure); drop-oldest: delete the oldest"
                    + " entries to make room, counting every dropped record.", "block", "drop-oldest");
    public static final OptionSet OPTIONS = OptionSet.of(DIR, MAX_BYTES, SEGMENT_BYTES, FSYNC, FSYNC_INTERVAL_MS,
            WHEN_FULL);

    static SpoolConfig parse(Section section, String pipeline) {
        Settings s = section == null ? OPTIONS.defaults() : section.settings(OPTIONS, List.of());
        if (s == null) return null;
        Path dir = s.get(DIR) == null ? Path.of("spool", pipeline) : Path.of(s.get(DIR));
        return new SpoolConfig(dir, s.get(MAX_BYTES), s.get(SEGMENT_BYTES), s.get(FSYNC), s.get(FSYNC_INTERVAL_MS),
                s.get(WHEN_FULL));
    }
}
