package io.tributary.agent.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a spool directory back to a consistent state when it is opened, after a clean close or a crash.
 *
 * <ul>
 *   <li>Temporary files of an interrupted segment creation or checkpoint write are deleted.
 *   <li>Every segment's header is checked: a foreign file or an unknown format version fails the open.
 *   <li>Only the last segment can have a torn tail (segments are forced before the next one is created). It is
 *       scanned frame by frame; from the first bad frame (cut-off length, cut-off frame, CRC mismatch) after
 *       which no valid frame follows, the file is truncated. Those bytes were never forced, so no sender was
 *       told they were durable. The truncated bytes are logged and counted.
 *   <li>A bad frame followed by valid ones is corruption, not a torn write: logged as an error here, and the
 *       entries in it are counted as corrupt when replay reaches them. Nothing is truncated.
 *   <li>Segments wholly below the checkpoint are deleted.
 * </ul>
 */
final class Recovery {
    /** What {@link #run} found: the segments kept, the last one open for appending (or none). */
    record Result(List<Segment> segments, long nextSeq, long ackedNext, FileChannel activeChannel,
            long truncatedBytes) {}

    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

    private Recovery() {}

    static Result run(Path dir) throws IOException {
        SegmentFile.deleteTemporaryFiles(dir);
        long ackedNext = Math.max(0, new Checkpoint(dir).read());
        List<Path> files = SegmentFile.list(dir);
        List<Segment> segments = new ArrayList<>();
        long[] firstSeqs = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            try (FileChannel ch = FileChannel.open(files.get(i), StandardOpenOption.READ)) {
                firstSeqs[i] = SegmentFile.readHeader(ch, files.get(i));
            }
        }
        long truncated = 0;
        long nextSeq = ackedNext;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Segment.Extent extent;
            if (i < files.size() - 1) {
                extent = new Segment.Extent(Files.size(file), firstSeqs[i + 1]);
            } else {
                long size = Files.size(file);
                extent = scan(file, firstSeqs[i], size);
                truncated = size - extent.size();
                nextSeq = Math.max(extent.endSeq(), ackedNext);
            }
            segments.add(new Segment(firstSeqs[i], file, extent));
        }
        boolean deleted = false;
        while (!segments.isEmpty()) {
            Segment s = segments.get(0);
            boolean keepEmptyLast = segments.size() == 1 && s.firstSeq == nextSeq;
            if (s.durable().endSeq() > ackedNext || keepEmptyLast) break;
            SegmentFile.delete(s.path);
            segments.remove(0);
            deleted = true;
        }
        if (deleted) SegmentFile.syncDirectory(dir);
        FileChannel active = null;
        if (!segments.isEmpty()) {
            Segment last = segments.get(segments.size() - 1);
            active = FileChannel.open(last.path, StandardOpenOption.WRITE);
            active.position(last.size);
        }
        return new Result(segments, nextSeq, ackedNext, active, truncated);
    }

    /** The valid extent of the last segment, truncating a torn tail. */
    private static Segment.Extent scan(Path file, long firstSeq, long size) throws IOException {
        Segment probe = new Segment(firstSeq, file, new Segment.Extent(size, Long.MAX_VALUE));
        long expected = firstSeq;
        long end = SegmentFile.HEADER_BYTES;
        try (SegmentReader reader = new SegmentReader(probe)) {
            while (true) {
                try {
                    SegmentReader.Frame frame = reader.next(size);
                    if (frame == null) break;
                    if (frame.seq() < expected) {
                        throw new IOException("Spool segment " + file + " is corrupt: the entry at offset "
                                + frame.start() + " has sequence number " + frame.seq() + ", expected " + expected);
                    }
                    expected = frame.seq() + 1;
                    end = reader.position();
                } catch (SegmentReader.BadFrameException e) {
                    long maxSeq = expected + (size - e.offset) / (SegmentFile.FRAME_PREFIX
                            + SegmentFile.MIN_FRAME_LENGTH) + 1;
                    long found = reader.resync(e.offset, size, expected, maxSeq);
                    if (found < 0) {
                        truncate(file, e.offset, size, e.getMessage());
                        end = e.offset;
                        break;
                    }
                    LOG.log(System.Logger.Level.ERROR, "{0}, yet valid entries follow at offset {1}: the segment is"
                            + " corrupt, not torn; the entries in between are lost and counted when replayed",
                            e.getMessage(), found);
                }
            }
        }
        return new Segment.Extent(end, expected);
    }

    private static void truncate(Path file, long offset, long size, String reason) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(offset);
            ch.force(true);
        }
        LOG.log(System.Logger.Level.WARNING, "Truncated the torn tail of spool segment {0}: {1} bytes from offset {2}"
                + " ({3}); they were never fsynced, so never acknowledged to a sender", file, size - offset, offset,
                reason);
    }
}
