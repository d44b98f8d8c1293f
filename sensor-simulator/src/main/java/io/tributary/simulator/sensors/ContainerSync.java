package io.tributary.simulator.sensors;

/**
 * Gives an Avro object container file a fixed sync marker. Avro's {@code DataFileWriter} draws a random marker
 * for every file, which would make payloads differ from run to run; the marker only has to be the same
 * throughout one file, so replacing it keeps the file valid and the output reproducible.
 */
final class ContainerSync {
    private static final int SYNC_SIZE = 16;

    private ContainerSync() {
    }

    /** {@code file} with its sync marker (after the header and after every block) replaced by {@code sync}. */
    static byte[] rewrite(byte[] file, byte[] sync) {
        if (file.length < 4 || file[0] != 'O' || file[1] != 'b' || file[2] != 'j' || file[3] != 1) return file;
        byte[] out = file.clone();
        int[] pos = {4};
        for (long count = varint(file, pos); count != 0; count = varint(file, pos)) {
            if (count < 0) {
                count = -count;
                varint(file, pos);
            }
            for (long i = 0; i < count; i++) {
                skip(file, pos);
                skip(file, pos);
            }
        }
        while (pos[0] + SYNC_SIZE <= file.length) {
            System.arraycopy(sync, 0, out, pos[0], SYNC_SIZE);
            pos[0] += SYNC_SIZE;
            if (pos[0] >= file.length) break;
            varint(file, pos);
            skip(file, pos);
        }
        return out;
    }

    /** Skips a length-prefixed string or bytes value. */
    private static void skip(byte[] b, int[] pos) {
        long length = varint(b, pos);
        pos[0] += (int) length;
    }

    /** Reads a zig-zag varint (Avro long) at {@code pos[0]}, advancing it. */
    private static long varint(byte[] b, int[] pos) {
        long raw = 0;
        int shift = 0;
        while (true) {
            byte x = b[pos[0]++];
            raw |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) break;
            shift += 7;
        }
        return (raw >>> 1) ^ -(raw & 1);
    }
}
