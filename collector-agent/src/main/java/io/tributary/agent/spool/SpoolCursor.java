package io.tributary.agent.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The replay position: which entry {@link Spool#read} returns next. Reads durable entries only, in sequence
 * order, across segments; skips what was acknowledged or dropped meanwhile. Entries lost to corruption show
 * up as a gap in the sequence numbers: the gap is counted (once, however often it is re-read after a rewind),
 * logged, and skipped; the entries around it are read normally. Not thread-safe: {@link Spool} serializes calls.
 */
final class SpoolCursor implements Closeable {
    private record Mark(Segment segment, long position) {}

    private static final System.Logger LOG = System.getLogger(SpoolCursor.class.getName());

    private final SegmentList segments;
    private long nextSeq;
    private SegmentReader reader;
    /** Where entries returned first by a read() start, so rewind() need not scan a segment from its start. */
    private final TreeMap<Long, Mark> marks = new TreeMap<>();
    private volatile long corruptEntries;
    /** Gaps below this were counted already. */
    private long countedThrough;

    SpoolCursor(SegmentList segments) {
        this.segments = segments;
        this.nextSeq = segments.firstUnacknowledged();
    }

    List<SpoolEntry> read(int max, long maxBytes) throws IOException {
        List<SpoolEntry> out = new ArrayList<>(Math.min(max, 1024));
        long bytes = 0;
        while (out.size() < max && position()) {
            Segment segment = reader.segment;
            Segment.Extent durable = segment.durable();
            SegmentReader.Frame frame;
            try {
                frame = reader.next(durable.size());
            } catch (SegmentReader.BadFrameException e) {
                LOG.log(System.Logger.Level.ERROR, e.getMessage() + "; searching for the next valid entry");
                reader.resync(e.offset, durable.size(), nextSeq, durable.endSeq());
                continue;
            }
            if (frame == null) {
                if (nextSeq < durable.endSeq()) gap(durable.endSeq(), segment, "at its end");
                nextSeq = Math.max(nextSeq, durable.endSeq());
                Segment following = segments.after(segment);
                if (following == null) break;
                if (reader.position() < segment.durable().size()) continue; // its last force landed meanwhile
                closeReader();
                continue;
            }
            if (frame.seq() < nextSeq) continue; // acknowledged, or before a rewind target
            if (frame.seq() > nextSeq) gap(frame.seq(), segment, "before offset " + frame.start());
            if (!out.isEmpty() && bytes + frame.bytes() > maxBytes) {
                reader.seek(frame.start());
                break;
            }
            if (out.isEmpty()) marks.put(frame.seq(), new Mark(segment, frame.start()));
            out.add(new SpoolEntry(frame.seq(), EntryCodec.decode(frame.entry(), 0, frame.entry().length)));
            bytes += frame.bytes();
            nextSeq = frame.seq() + 1;
        }
        return out;
    }

    /** Back to the oldest entry neither acknowledged nor dropped. */
    void rewind() {
        nextSeq = segments.firstUnacknowledged();
        Map.Entry<Long, Mark> mark = marks.floorEntry(nextSeq);
        if (reader != null && mark != null && mark.getValue().segment() == reader.segment) {
            reader.seek(mark.getValue().position());
        } else {
            closeReader();
        }
    }

    /** Forgets marks below the acknowledged position, except the one a rewind would start from. */
    void acknowledged(long ackedNext) {
        Long floor = marks.floorKey(ackedNext);
        if (floor != null) marks.headMap(floor).clear();
    }

    long corruptEntries() {
        return corruptEntries;
    }

    /** Opens the segment holding nextSeq if the reader is elsewhere; false when there is nothing to read. */
    private boolean position() throws IOException {
        nextSeq = Math.max(nextSeq, segments.firstUnacknowledged());
        Segment segment = segments.segmentFor(nextSeq);
        if (segment == null) {
            closeReader();
            return false;
        }
        if (reader != null && reader.segment == segment) return true;
        closeReader();
        try {
            reader = new SegmentReader(segment);
        } catch (NoSuchFileException e) {
            if (segments.contains(segment)) throw e;
            return position(); // deleted meanwhile (dropped or acknowledged): look again
        }
        Map.Entry<Long, Mark> mark = marks.floorEntry(nextSeq);
        if (mark != null && mark.getValue().segment() == segment) reader.seek(mark.getValue().position());
        return true;
    }

    private void gap(long to, Segment segment, String where) {
        long from = Math.max(nextSeq, countedThrough);
        if (to > from) {
            corruptEntries += to - from;
            countedThrough = to;
            LOG.log(System.Logger.Level.ERROR, "Spool segment {0} is corrupt {1}: entries {2} to {3} are lost"
                    + " ({4} lost to corruption so far)", segment.path, where, from, to - 1, corruptEntries);
        }
    }

    private void closeReader() {
        if (reader == null) return;
        try {
            reader.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing spool segment " + reader.segment.path + " failed", e);
        }
        reader = null;
    }

    @Override
    public void close() {
        closeReader();
    }
}
