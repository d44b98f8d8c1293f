package io.tributary.origins.udp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The kernel's drop count for the UDP sockets bound to one local port: the {@code drops} column (the last one)
 * of {@code /proc/self/net/udp} and {@code /proc/self/net/udp6}, summed over the rows whose local port is ours.
 * A datagram counted there arrived while the socket's receive buffer was full and never reached the origin.
 * Linux only; elsewhere, or when the files cannot be read, it reports 0 ({@code netstat -su}: "receive buffer
 * errors" is the host-wide equivalent). Never decreases: after the sockets are closed it keeps the last count.
 */
final class KernelDrops implements LongSupplier {
    private static final List<Path> TABLES = List.of(Path.of("/proc/self/net/udp"), Path.of("/proc/self/net/udp6"));

    private final String portHex;
    private final List<Path> tables;
    private long last;

    KernelDrops(int port) {
        this(port, TABLES);
    }

    KernelDrops(int port, List<Path> tables) {
        this.portHex = String.format(Locale.ROOT, ":%04X", port);
        this.tables = tables;
    }

    @Override
    public synchronized long getAsLong() {
        long sum = 0;
        boolean found = false;
        for (Path table : tables) {
            if (!Files.isReadable(table)) continue;
            try {
                for (String line : Files.readAllLines(table)) {
                    long drops = dropsOf(line);
                    if (drops >= 0) {
                        sum += drops;
                        found = true;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return last;
            }
        }
        if (found && sum > last) last = sum;
        return last;
    }

    /** The drops of a table row whose local address ends in our port; -1 for other rows and the header. */
    long dropsOf(String line) {
        String[] cols = line.trim().split("\\s+");
        if (cols.length < 13 || !cols[1].endsWith(portHex)) return -1;
        try {
            return Long.parseLong(cols[cols.length - 1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
