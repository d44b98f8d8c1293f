package io.tributary.simulator.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads what {@link FileTransport} wrote: the payloads and the index, to replay or check a run. */
public final class TrafficFile {
    /** One index row. */
    public record Entry(String sensor, long seq, long epochMs, String target, long offset, int length, int readings,
            boolean malformed) {
    }

    private TrafficFile() {
    }

    /** The payloads of a {@code .bin} (length-prefixed) or {@code .lines} (newline-delimited) file, in order. */
    public static List<byte[]> payloads(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        List<byte[]> out = new ArrayList<>();
        if (file.getFileName().toString().endsWith(".lines")) {
            int start = 0;
            for (int i = 0; i < data.length; i++) {
                if (data[i] == '\n') {
                    out.add(Arrays.copyOfRange(data, start, i));
                    start = i + 1;
                }
            }
            return out;
        }
        if (data.length < FileTransport.MAGIC.length
                || !Arrays.equals(Arrays.copyOf(data, FileTransport.MAGIC.length), FileTransport.MAGIC)) {
            throw new IOException(file + " is not a simulator payload file (version 1)");
        }
        int pos = FileTransport.MAGIC.length;
        while (pos < data.length) {
            if (pos + 4 > data.length) throw new IOException(file + ": truncated length prefix at " + pos);
            int len = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8)
                    | (data[pos + 3] & 0xff);
            pos += 4;
            if (len < 0 || pos + len > data.length) throw new IOException(file + ": truncated payload at " + pos);
            out.add(Arrays.copyOfRange(data, pos, pos + len));
            pos += len;
        }
        return out;
    }

    /** The rows of an index file. */
    public static List<Entry> index(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = split(line);
            out.add(new Entry(f.get(0), Long.parseLong(f.get(1)), Long.parseLong(f.get(2)), f.get(3),
                    Long.parseLong(f.get(4)), Integer.parseInt(f.get(5)), Integer.parseInt(f.get(6)),
                    Boolean.parseBoolean(f.get(7))));
        }
        return out;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
