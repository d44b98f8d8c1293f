package io.tributary.agent.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Names, headers and file-system operations of segment files. A segment is named after its first sequence
 * number ({@code 00000000000000000042.seg}) and starts with a 20-byte header:
 *
 * <pre>
 * i32 magic 0x54525350 ("TRSP")
 * i32 format version (1)
 * i64 first sequence number
 * i32 CRC32C of the 16 bytes above
 * </pre>
 *
 * followed by frames: {@code i32 length, i32 CRC32C, then length bytes: i64 sequence number, entry bytes}
 * ({@link EntryCodec}), the CRC covering those length bytes. A segment is created complete with its header
 * (written to a temporary file, forced, renamed, directory forced), so a segment file never lacks a header.
 */
final class SegmentFile {
    static final int MAGIC = 0x54525350;
    static final int VERSION = 1;
    static final int HEADER_BYTES = 20;
    /** Length and CRC fields before each frame's sequence number. */
    static final int FRAME_PREFIX = 8;
    /** The smallest valid frame length field: a sequence number and the smallest entry. */
    static final int MIN_FRAME_LENGTH = 8 + EntryCodec.MIN_BYTES;
    static final String SUFFIX = ".seg";
    static final String TEMP_SUFFIX = ".tmp";

    private static final System.Logger LOG = System.getLogger(SegmentFile.class.getName());

    private SegmentFile() {}

    static long frameBytes(int entryBytes) {
        return FRAME_PREFIX + 8L + entryBytes;
    }

    static Path path(Path dir, long firstSeq) {
        return dir.resolve(String.format("%020d%s", firstSeq, SUFFIX));
    }

    /** The segment files of {@code dir}, oldest first. */
    static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().forEach(out::add);
        }
        for (Path p : out) firstSeqOfName(p);
        return out;
    }

    static long firstSeqOfName(Path file) throws IOException {
        String name = file.getFileName().toString();
        String digits = name.substring(0, name.length() - SUFFIX.length());
        if (digits.length() != 20 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IOException("Unexpected file in the spool directory: " + file
                    + " (segment files are named <20-digit first sequence number>" + SUFFIX + ")");
        }
        return Long.parseLong(digits);
    }

    /** Creates the segment starting at {@code firstSeq}, durably, and returns it open for appending. */
    static FileChannel create(Path dir, long firstSeq) throws IOException {
        Path target = path(dir, firstSeq);
        Path temp = dir.resolve(target.getFileName() + TEMP_SUFFIX);
        FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putLong(firstSeq);
            CRC32C crc = new CRC32C();
            crc.update(header.array(), 0, 16);
            header.putInt((int) crc.getValue()).flip();
            while (header.hasRemaining()) ch.write(header);
            ch.force(true);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Reads and checks the header of {@code file}, returning its first sequence number. */
    static long readHeader(FileChannel ch, Path file) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (header.hasRemaining() && ch.read(header, header.position()) > 0) {
            // keep reading until full or end of file
        }
        if (header.position() < 8) {
            throw new IOException("Spool segment " + file + " is too short (" + ch.size() + " bytes) for a header");
        }
        int magic = header.getInt(0);
        if (magic != MAGIC) {
            throw new IOException(String.format("Spool segment %s is not a spool segment file (magic 0x%08x)", file,
                    magic));
        }
        int version = header.getInt(4);
        if (version != VERSION) {
            throw new IOException("Spool segment " + file + " has format version " + version
                    + ", which this version of Tributary cannot read (it reads version " + VERSION + ")");
        }
        if (header.hasRemaining()) {
            throw new IOException("Spool segment " + file + " is too short (" + ch.size() + " bytes) for a header");
        }
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, 16);
        if ((int) crc.getValue() != header.getInt(16)) {
            throw new IOException("Spool segment " + file + " has a corrupt header (CRC mismatch)");
        }
        long firstSeq = header.getLong(8);
        if (firstSeq != firstSeqOfName(file)) {
            throw new IOException("Spool segment " + file + " says it starts at sequence number " + firstSeq);
        }
        return firstSeq;
    }

    /** Deletes a segment file; the caller syncs the directory. */
    static void delete(Path file) throws IOException {
        try {
            Files.delete(file);
        } catch (NoSuchFileException e) {
            LOG.log(System.Logger.Level.WARNING, "Spool segment {0} was already gone", file);
        }
    }

    /** Deletes temporary files left by a crash while a segment or checkpoint was being created. */
    static void deleteTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(TEMP_SUFFIX))::iterator) {
                LOG.log(System.Logger.Level.INFO, "Deleting {0}, left by an interrupted spool write", p);
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Makes creations, renames and deletions in {@code dir} durable. Linux allows forcing a directory opened
     * for reading; platforms that do not (Windows) are skipped, as their file systems do not need it.
     */
    static void syncDirectory(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (ch) {
            ch.force(true);
        }
    }
}
