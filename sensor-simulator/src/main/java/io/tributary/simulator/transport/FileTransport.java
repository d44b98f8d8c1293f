package io.tributary.simulator.transport;

import io.tributary.config.Settings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes a group's payloads to {@code <directory>/<group>.bin} (length-prefixed, after the 8-byte header
 * {@code TRBSIM} + version 1 as two bytes) or {@code <group>.lines} (newline-delimited), and one index row per
 * payload to {@code <group>.index.csv}: {@code sensor,seq,epoch_ms,target,offset,length,readings,malformed}. The
 * offset is that of the payload itself (after its length prefix). See {@link TrafficFile} to read them back.
 */
public final class FileTransport implements Transport {
    static final byte[] MAGIC = {'T', 'R', 'B', 'S', 'I', 'M', 0, 1};
    public static final String INDEX_HEADER = "sensor,seq,epoch_ms,target,offset,length,readings,malformed";

    private final Path payloadFile;
    private final Path indexFile;
    private final boolean newline;
    private final TransportStats stats = new TransportStats("file", false);
    private OutputStream payloads;
    private OutputStream index;
    private long offset;

    public FileTransport(String group, Settings settings, Path outDir) {
        Path dir = outDir.resolve(settings.get(TransportOptions.FILE_DIRECTORY));
        this.newline = settings.get(TransportOptions.FILE_FRAMING).equals("newline");
        this.payloadFile = dir.resolve(group + (newline ? ".lines" : ".bin"));
        this.indexFile = dir.resolve(group + ".index.csv");
    }

    public Path payloadFile() {
        return payloadFile;
    }

    public Path indexFile() {
        return indexFile;
    }

    @Override
    public void start() throws IOException {
        Files.createDirectories(payloadFile.getParent());
        payloads = new BufferedOutputStream(Files.newOutputStream(payloadFile), 1 << 20);
        index = new BufferedOutputStream(Files.newOutputStream(indexFile), 1 << 16);
        index.write((INDEX_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        if (!newline) {
            payloads.write(MAGIC);
            offset = MAGIC.length;
        }
    }

    @Override
    public void send(Message m) {
        byte[] p = m.payload();
        if (newline && indexOf(p, (byte) '\n') >= 0) {
            stats.fail("payload of " + m.sensor() + " holds a newline; use framing: length_prefixed");
            return;
        }
        try {
            if (!newline) {
                payloads.write(new byte[] {(byte) (p.length >>> 24), (byte) (p.length >>> 16), (byte) (p.length >>> 8),
                    (byte) p.length});
                offset += 4;
            }
            payloads.write(p);
            String row = csv(m.sensor()) + ',' + m.seq() + ',' + m.epochMs() + ',' + csv(m.target()) + ',' + offset + ','
                    + p.length + ',' + m.readings() + ',' + m.malformed() + '\n';
            index.write(row.getBytes(StandardCharsets.UTF_8));
            offset += p.length;
            if (newline) {
                payloads.write('\n');
                offset++;
            }
            stats.sent(p.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + payloadFile, e);
        }
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close(Duration timeout) {
        try {
            if (payloads != null) payloads.close();
            if (index != null) index.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + payloadFile, e);
        }
    }

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) if (data[i] == b) return i;
        return -1;
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
