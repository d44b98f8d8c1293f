package io.tributary.agent.processor.builtin;

import static io.tributary.agent.processor.builtin.Fixture.assertProblem;
import static io.tributary.agent.processor.builtin.Fixture.configError;
import static io.tributary.agent.processor.builtin.Fixture.list;
import static io.tributary.agent.processor.builtin.Fixture.map;
import static io.tributary.agent.processor.builtin.Fixture.processor;
import static io.tributary.agent.processor.builtin.Fixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Record;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveProcessorTest {
    @Test
    void removesTopLevelNestedAndListFieldsSkippingMissingOnes() {
        Record r = record("a", 1L, "b", map("c", 2L, "d", 3L), "l", list("x", "y"), "keep", true);
        assertTrue(processor("remove", "fields", List.of("/a", "/b/c", "/l/0", "/nope/x", "nope")).process(r));
        assertEquals(record("b", map("d", 3L), "l", list("y"), "keep", true).fields(), r.fields());
    }

    @Test
    void acceptsACommaSeparatedString() {
        Record r = record("a", 1L, "b", 2L, "c", 3L);
        processor("remove", "fields", "a, /c").process(r);
        assertEquals(record("b", 2L).fields(), r.fields());
    }

    @Test
    void needsAtLeastOneValidPath() {
        assertProblem(configError("remove", "fields", List.of()), "fields", "at least one field");
        assertProblem(configError("remove", "fields", List.of("/ok", "/")), "fields", "names no field");
        assertProblem(configError("remove"), "fields", "is required");
    }
}
