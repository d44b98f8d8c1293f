package io.tributary.origins.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the kernel's per-socket drop counts from a /proc/net/udp table. */
class KernelDropsTest {
    private static final String HEADER = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
            + "retrnsmt   uid  timeout inode ref pointer drops            \n";

    private static String row(String local, long drops) {
        return "  1: " + local + " 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4242 2 "
                + "0000000000000000 " + drops + "\n";
    }

    @Test
    void sumsTheDropsOfEverySocketOnThePortAndNeverGoesBack(@TempDir Path dir) throws Exception {
        Path udp = dir.resolve("udp");
        Path udp6 = dir.resolve("udp6");
        Files.writeString(udp, HEADER + row("0100007F:13B4", 5) + row("0100007F:13B4", 7) + row("0100007F:13B5", 100));
        Files.writeString(udp6, HEADER + row("00000000000000000000000001000000:13B4", 1));
        KernelDrops drops = new KernelDrops(5044, List.of(udp, udp6, dir.resolve("missing")));
        assertEquals(13, drops.getAsLong());
        Files.writeString(udp, HEADER);
        Files.writeString(udp6, HEADER);
        assertEquals(13, drops.getAsLong(), "sockets closed: the last count stays");
    }

    @Test
    void withoutTablesItIsZero(@TempDir Path dir) {
        assertEquals(0, new KernelDrops(5044, List.of(dir.resolve("none"))).getAsLong());
    }
}
