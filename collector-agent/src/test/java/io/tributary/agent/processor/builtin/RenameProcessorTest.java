package io.tributary.agent.processor.builtin;

import static io.tributary.agent.processor.builtin.Fixture.assertProblem;
import static io.tributary.agent.processor.builtin.Fixture.configError;
import static io.tributary.agent.processor.builtin.Fixture.list;
import static io.tributary.agent.processor.builtin.Fixture.map;
import static io.tributary.agent.processor.builtin.Fixture.processingError;
import static io.tributary.agent.processor.builtin.Fixture.processor;
import static io.tributary.agent.processor.builtin.Fixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.processor.Processor;
import io.tributary.record.Record;
import org.junit.jupiter.api.Test;

class RenameProcessorTest {
    @Test
    void movesATopLevelFieldIntoANewNestedMap() {
        Record r = record("mac", "aa:bb", "rssi", -70L);
        assertTrue(processor("rename", "from", "/mac", "to", "/device/mac").process(r));
        assertEquals(record("rssi", -70L, "device", map("mac", "aa:bb")).fields(), r.fields());
    }

    @Test
    void movesFromNestedAndListPathsAndBareNames() {
        Record r = record("readings", list(map("v", 1L)), "a", map("b", "x"));
        processor("rename", "from", "/readings/0/v", "to", "first").process(r);
        processor("rename", "from", "/a/b", "to", "/a/c").process(r);
        assertEquals(record("readings", list(map()), "a", map("c", "x"), "first", 1L).fields(), r.fields());
    }

    @Test
    void replacesAnExistingTargetAndMovesANullValue() {
        Record r = record("old", null, "new", "there");
        processor("rename", "from", "/old", "to", "/new").process(r);
        assertEquals(record("new", null).fields(), r.fields());
    }

    @Test
    void missingSourceIsIgnoredByDefault() {
        Record r = record("x", 1L);
        assertTrue(processor("rename", "from", "/mac", "to", "/device/mac").process(r));
        assertEquals(record("x", 1L).fields(), r.fields());
    }

    @Test
    void missingSourceIsAnErrorWhenAsked() {
        Processor p = processor("rename", "from", "/a/mac", "to", "/m", "if.missing", "error");
        processingError(p, record("a", map()), ErrorCodes.FIELD_MISSING);
    }

    @Test
    void targetThroughAScalarIsNotSettable() {
        Processor p = processor("rename", "from", "/mac", "to", "/device/mac");
        processingError(p, record("mac", "m", "device", "scalar"), ErrorCodes.FIELD_NOT_SETTABLE);
    }

    @Test
    void moveBelowItself() {
        Record r = record("a", 1L);
        processor("rename", "from", "/a", "to", "/a/b").process(r);
        assertEquals(record("a", map("b", 1L)).fields(), r.fields());
        assertNull(r.get("/a/c"));
    }

    @Test
    void badOptionsAreReportedByKey() {
        assertProblem(configError("rename", "from", "/a", "to", "/a"), "to", "same path");
        assertProblem(configError("rename", "from", "/a~2", "to", "/b"), "from", "'~' must be followed by 0 or 1");
        assertProblem(configError("rename", "from", "/a"), "to", "is required");
        assertProblem(configError("rename", "from", "/a", "to", "/b", "if.missing", "warn"), "if.missing", "one of");
        assertProblem(configError("rename", "from", "/a", "to", "/b", "form", "/c"), "form", "unknown option");
    }
}
