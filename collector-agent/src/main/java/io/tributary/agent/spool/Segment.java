package io.tributary.agent.spool;

import java.nio.file.Path;

/**
 * One segment file as the spool's threads share it. The writer publishes the durable extent after each
 * force; the replay cursor reads no further than that, so it never sees a half-written frame.
 */
final class Segment {
    /** What is durable in a segment: bytes from the file's start, and the sequence number after the last entry. */
    record Extent(long size, long endSeq) {}

    final long firstSeq;
    final Path path;
    private volatile Extent durable;
    /** Bytes written, forced or not; guarded by the {@link SegmentList}'s monitor. */
    long size;

    Segment(long firstSeq, Path path, Extent durable) {
        this.firstSeq = firstSeq;
        this.path = path;
        this.durable = durable;
        this.size = durable.size();
    }

    Extent durable() {
        return durable;
    }

    void durable(Extent extent) {
        durable = extent;
    }

    @Override
    public String toString() {
        return path.getFileName() + durable.toString();
    }
}
