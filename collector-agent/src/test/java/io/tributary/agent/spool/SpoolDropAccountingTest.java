package io.tributary.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drop-oldest counts exactly what never reached Kafka, even when the replayer had read it before the drop. */
class SpoolDropAccountingTest {
    @TempDir
    Path dir;

    @Test
    void entriesReadBeforeTheDropAndDeliveredAfterItAreNotCountedAsDropped() throws Exception {
        try (Spool spool = Spool.open(SpoolTesting.config(dir, 1 << 20, 64 << 10, "always", "drop-oldest"))) {
            int n = 0;
            while (n < 200) spool.append(List.of(SpoolTesting.message(n++))).get();
            List<SpoolEntry> chunk = spool.read(100, 1 << 20); // in the replayer's hands
            while (spool.droppedEntries() < 300) spool.append(List.of(SpoolTesting.message(n++))).get();
            long droppedBefore = spool.droppedEntries();
            assertTrue(droppedBefore >= 300);
            spool.acknowledge(chunk); // Kafka took the chunk after all
            assertEquals(droppedBefore - 100, spool.droppedEntries());
            long remaining = spool.entries();
            assertEquals(n, 100 + remaining + spool.droppedEntries(), "delivered + left + dropped = appended");
        }
    }
}
