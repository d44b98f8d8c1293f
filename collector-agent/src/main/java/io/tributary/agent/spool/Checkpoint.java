package io.tributary.agent.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The acknowledged position, in the file {@code checkpoint} of the spool directory: every sequence number
 * below it was acknowledged. Written to a temporary file, forced and atomically renamed over the old one, so
 * a crash leaves either the old or the new position, never a torn one. Format (20 bytes, big-endian):
 * {@code i32 magic 0x5452434B ("TRCK"), i32 version 1, i64 acknowledged-next, i32 CRC32C of the 16 bytes before}.
 */
final class Checkpoint {
    static final String FILE = "checkpoint";
    private static final int MAGIC = 0x5452434B;
    private static final int VERSION = 1;
    private static final int BYTES = 20;
    private static final System.Logger LOG = System.getLogger(Checkpoint.class.getName());

    private final Path file;
    private final Path temp;

    Checkpoint(Path dir) {
        this.file = dir.resolve(FILE);
        this.temp = dir.resolve(FILE + SegmentFile.TEMP_SUFFIX);
    }

    /**
     * The stored position, or -1 when there is none yet. An unknown version fails; a corrupt checkpoint (only
     * possible through disk damage) is logged and ignored, which replays acknowledged entries again rather than
     * losing any.
     */
    long read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length >= 8 && b.getInt(0) == MAGIC && b.getInt(4) != VERSION) {
            throw new IOException("Spool checkpoint " + file + " has format version " + b.getInt(4)
                    + ", which this version of Tributary cannot read (it reads version " + VERSION + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, Math.min(16, bytes.length));
        if (bytes.length != BYTES || b.getInt(0) != MAGIC || (int) crc.getValue() != b.getInt(16)
                || b.getLong(8) < 0) {
            LOG.log(System.Logger.Level.ERROR, "Spool checkpoint {0} is corrupt ({1} bytes); ignoring it: entries"
                    + " already acknowledged will be replayed again", file, bytes.length);
            return -1;
        }
        return b.getLong(8);
    }

    /**
     * Durably records that every sequence number below {@code ackedNext} was acknowledged. The caller syncs the
     * directory afterwards (once, together with any segment deletions); until then a crash may bring back the
     * previous position, which only replays entries again.
     */
    void write(long ackedNext) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(BYTES).putInt(MAGIC).putInt(VERSION).putLong(ackedNext);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 16);
        b.putInt((int) crc.getValue()).flip();
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) ch.write(b);
            ch.force(false);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
