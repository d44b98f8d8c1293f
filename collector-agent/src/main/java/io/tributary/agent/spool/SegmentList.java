package io.tributary.agent.spool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The spool's segments, oldest first, with the counters that move with them. Every method holds this
 * object's monitor briefly and does no I/O: whoever removes a segment here deletes its file afterwards, so
 * each file is deleted exactly once. The last segment is the one the writer appends to.
 */
final class SegmentList {
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    /** The sequence number the next written entry gets. */
    private long nextSeq;
    /** Every entry below this was acknowledged. */
    private long ackedNext;
    private long bytes;
    private long droppedEntries;
    /** Sequence ranges [from, to) dropped but not yet passed by an acknowledgement. */
    private final ArrayDeque<long[]> droppedRanges = new ArrayDeque<>();

    SegmentList(List<Segment> recovered, long nextSeq, long ackedNext) {
        for (Segment s : recovered) {
            segments.add(s);
            bytes += s.size;
        }
        this.nextSeq = nextSeq;
        this.ackedNext = ackedNext;
    }

    synchronized void add(Segment s) {
        segments.addLast(s);
        bytes += s.size;
    }

    /** The writer wrote (or, negative, rolled back) {@code delta} bytes to the last segment. */
    synchronized void written(Segment s, long delta, long nextSeq) {
        s.size += delta;
        bytes += delta;
        this.nextSeq = nextSeq;
    }

    /** Removes {@code s} without acknowledgement, counting its unacknowledged entries as dropped. */
    synchronized boolean drop(Segment s) {
        if (!segments.contains(s)) return false;
        long end = endSeq(s);
        long from = Math.max(s.firstSeq, ackedNext);
        if (end > from) {
            droppedEntries += end - from;
            droppedRanges.addLast(new long[] {from, end});
        }
        remove(s);
        return true;
    }

    /**
     * Records the acknowledgement and removes the segments it fully covers, except the last one. The entries
     * {@code delivered} were sent: any of them dropped meanwhile (read before the drop, sent after it) are no
     * longer counted as dropped.
     */
    synchronized List<Segment> acknowledge(long ackedNext, long[] delivered) {
        for (long seq : delivered) {
            for (long[] range : droppedRanges) {
                if (seq >= range[0] && seq < range[1]) {
                    droppedEntries--;
                    break;
                }
            }
        }
        droppedRanges.removeIf(range -> range[1] <= ackedNext);
        for (long[] range : droppedRanges) range[0] = Math.max(range[0], ackedNext);
        this.ackedNext = Math.max(this.ackedNext, ackedNext);
        List<Segment> removed = new ArrayList<>();
        Segment previous = null;
        for (Segment s : segments) {
            if (previous != null) {
                if (s.firstSeq > this.ackedNext) break; // s.firstSeq is where previous ends
                removed.add(previous);
            }
            previous = s;
        }
        removed.forEach(this::remove);
        return removed;
    }

    /** Removes the last segment if everything in it was acknowledged; false otherwise. */
    synchronized boolean removeIfAcknowledged(Segment s) {
        if (segments.peekLast() != s || ackedNext < nextSeq) return false;
        remove(s);
        return true;
    }

    private void remove(Segment s) {
        segments.remove(s);
        bytes -= s.size;
    }

    /** Where the entries of {@code s} end: the next segment's start, or the next sequence number. */
    private long endSeq(Segment s) {
        boolean found = false;
        for (Segment t : segments) {
            if (found) return t.firstSeq;
            found = t == s;
        }
        return nextSeq;
    }

    /** The segment holding {@code seq} (or where it will be written), or null if there is none. */
    synchronized Segment segmentFor(long seq) {
        Segment match = null;
        for (Segment s : segments) {
            if (s.firstSeq > seq) break;
            match = s;
        }
        return match;
    }

    synchronized Segment after(Segment s) {
        boolean found = false;
        for (Segment t : segments) {
            if (found) return t;
            found = t == s;
        }
        return null;
    }

    synchronized boolean contains(Segment s) {
        return segments.contains(s);
    }

    synchronized Segment oldest() {
        return segments.peekFirst();
    }

    /** The oldest sequence number that is neither acknowledged nor dropped. */
    synchronized long firstUnacknowledged() {
        Segment first = segments.peekFirst();
        return Math.max(ackedNext, first == null ? nextSeq : first.firstSeq);
    }

    synchronized long ackedNext() {
        return ackedNext;
    }

    synchronized long nextSeq() {
        return nextSeq;
    }

    synchronized long unacknowledged() {
        return nextSeq - firstUnacknowledged();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized long droppedEntries() {
        return droppedEntries;
    }
}
