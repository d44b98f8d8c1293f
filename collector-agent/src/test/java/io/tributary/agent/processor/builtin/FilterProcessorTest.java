package io.tributary.agent.processor.builtin;

import static io.tributary.agent.processor.builtin.Fixture.assertProblem;
import static io.tributary.agent.processor.builtin.Fixture.configError;
import static io.tributary.agent.processor.builtin.Fixture.map;
import static io.tributary.agent.processor.builtin.Fixture.processor;
import static io.tributary.agent.processor.builtin.Fixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.processor.Processor;
import io.tributary.config.ConfigException;
import io.tributary.record.Record;
import org.junit.jupiter.api.Test;

class FilterProcessorTest {
    @Test
    void keepsMatchingRecordsByDefault() {
        Processor p = processor("filter", "expression", "/rssi > -70 and /device/type == 'beacon'");
        assertTrue(p.process(record("rssi", -60L, "device", map("type", "beacon"))));
        assertFalse(p.process(record("rssi", -80L, "device", map("type", "beacon"))));
        assertFalse(p.process(record("device", map("type", "beacon"))));
    }

    @Test
    void dropModeDropsMatchingRecords() {
        Processor p = processor("filter", "expression", "exists(/test)", "mode", "drop");
        assertFalse(p.process(record("test", true)));
        assertTrue(p.process(record("x", 1L)));
    }

    @Test
    void leavesTheRecordUnchanged() {
        Record r = record("rssi", -60L);
        Record before = r.copy();
        processor("filter", "expression", "/rssi > -70").process(r);
        assertEquals(before, r);
    }

    @Test
    void parseErrorsNameTheExpressionKeyAndColumn() {
        ConfigException e = configError("filter", "expression", "/rssi > -70 and");
        assertEquals("expression", e.problems().get(0).key());
        assertProblem(e, "expression", "at column 16: unexpected end of expression");
        assertProblem(e, "expression", "'/rssi > -70 and'");
        assertProblem(configError("filter"), "expression", "is required");
        assertProblem(configError("filter", "expression", "/a", "mode", "skip"), "mode", "one of");
    }
}
