package io.tributary.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Record;
import io.tributary.wire.WireCodec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What reached a records topic, by (device, seq), with the checks the fault tests share. */
final class Delivered {
    final Set<String> distinct = new HashSet<>();
    int duplicates;

    /**
     * Decodes {@code messages} and checks per-device order: ignoring repeats of what was already seen, each
     * device's sequence numbers only grow.
     */
    Delivered(List<ConsumerRecord<byte[], byte[]>> messages) throws Exception {
        Map<String, Long> highest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> m : messages) {
            Record r = WireCodec.get().decode(m.value());
            String device = (String) r.field("device");
            long seq = (Long) r.field("seq");
            if (!distinct.add(device + "/" + seq)) {
                duplicates++;
                continue;
            }
            Long before = highest.put(device, seq);
            assertTrue(before == null || seq > before, device + ": " + seq + " arrived after " + before);
        }
    }

    /** Every acknowledged (device, seq) arrived. */
    void assertContainsAll(Set<String> acknowledged) {
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(distinct);
        assertEquals(Set.of(), lost, "acknowledged records lost");
    }
}
