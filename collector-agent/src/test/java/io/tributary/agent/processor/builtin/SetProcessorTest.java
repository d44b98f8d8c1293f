package io.tributary.agent.processor.builtin;

import static io.tributary.agent.processor.builtin.Fixture.assertProblem;
import static io.tributary.agent.processor.builtin.Fixture.configError;
import static io.tributary.agent.processor.builtin.Fixture.list;
import static io.tributary.agent.processor.builtin.Fixture.map;
import static io.tributary.agent.processor.builtin.Fixture.processingError;
import static io.tributary.agent.processor.builtin.Fixture.processor;
import static io.tributary.agent.processor.builtin.Fixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.processor.Processor;
import io.tributary.config.ConfigException;
import io.tributary.record.Record;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetProcessorTest {
    private static Object set(Object... options) {
        Record r = record();
        processor("set", options).process(r);
        return r.get("/out");
    }

    @Test
    void autoReadsTheScalarAsYamlWould() {
        assertEquals(42L, set("field", "/out", "value", 42));
        assertEquals(42L, set("field", "/out", "value", "42"));
        assertEquals(-1.5, set("field", "/out", "value", -1.5));
        assertEquals(1e3, set("field", "/out", "value", "1e3"));
        assertEquals(Boolean.TRUE, set("field", "/out", "value", true));
        assertEquals(Boolean.FALSE, set("field", "/out", "value", "False"));
        assertEquals("hall 3", set("field", "/out", "value", "hall 3"));
        assertEquals(new BigDecimal("123456789012345678901234"), set("field", "/out", "value",
                "123456789012345678901234"));
    }

    @ParameterizedTest
    @CsvSource({
        "string, 42, java.lang.String, 42",
        "long, ' 7 ', java.lang.Long, 7",
        "double, 2, java.lang.Double, 2.0",
        "decimal, 1.50, java.math.BigDecimal, 1.50",
        "boolean, TRUE, java.lang.Boolean, true",
        "timestamp, 2024-05-01T12:00:00Z, java.time.Instant, 2024-05-01T12:00:00Z",
    })
    void explicitTypes(String type, String value, String className, String expected) {
        Object v = set("field", "/out", "value", value, "value.type", type);
        assertEquals(className, v.getClass().getName());
        assertEquals(expected, v.toString());
    }

    @Test
    void writesNullAndCreatesNestedMaps() {
        Record r = record("a", "x");
        processor("set", "field", "/a", "value.type", "null").process(r);
        assertTrue(r.fields().containsKey("a"));
        assertNull(r.get("/a"));
        processor("set", "field", "/site/floor", "value", 3).process(r);
        assertEquals(map("floor", 3L), r.get("/site"));
    }

    @Test
    void writesIntoAListElement() {
        Record r = record("l", list(map("v", 1L)));
        processor("set", "field", "/l/0/v", "value", "2").process(r);
        processor("set", "field", "/l/1", "value", "appended").process(r);
        assertEquals(list(map("v", 2L), "appended"), r.get("/l"));
    }

    @Test
    void keepLeavesAnExistingNonNullValue() {
        Processor p = processor("set", "field", "/site", "value", "default", "if.exists", "keep");
        Record has = record("site", "mine");
        Record isNull = record("site", null);
        Record missing = record();
        p.process(has);
        p.process(isNull);
        p.process(missing);
        assertEquals("mine", has.get("/site"));
        assertEquals("default", isNull.get("/site"));
        assertEquals("default", missing.get("/site"));
        Record overwrite = record("site", "mine");
        processor("set", "field", "/site", "value", "default").process(overwrite);
        assertEquals("default", overwrite.get("/site"));
    }

    @Test
    void copiesADeepCopyOfAnotherField() {
        Record r = record("loc", map("x", 1L, "tags", list("a")));
        processor("set", "field", "/backup/loc", "copy.from", "/loc").process(r);
        assertEquals(r.get("/loc"), r.get("/backup/loc"));
        assertNotSame(r.get("/loc/tags"), r.get("/backup/loc/tags"));
        r.set("/loc/x", 2L);
        assertEquals(1L, r.get("/backup/loc/x"));
    }

    @Test
    void copyFromMissingIsIgnoredOrAnError() {
        Record r = record("a", null);
        processor("set", "field", "/b", "copy.from", "/a").process(r);
        assertEquals(record("a", null).fields(), r.fields());
        processingError(processor("set", "field", "/b", "copy.from", "/a", "if.missing", "error"), r,
                ErrorCodes.FIELD_MISSING);
    }

    @Test
    void pathThroughAScalarIsNotSettable() {
        processingError(processor("set", "field", "/a/b", "value", 1), record("a", 5L), ErrorCodes.FIELD_NOT_SETTABLE);
    }

    @Test
    void badCombinationsAreReportedByKey() {
        assertProblem(configError("set", "field", "/a"), "value", "is required unless copy.from");
        ConfigException both = configError("set", "field", "/a", "value", 1, "copy.from", "/b", "value.type", "long");
        assertProblem(both, "value", "together with copy.from");
        assertProblem(both, "value.type", "together with copy.from");
        assertProblem(configError("set", "field", "/a", "copy.from", "/a"), "copy.from", "same path");
        assertProblem(configError("set", "field", "/a", "value", 1, "if.missing", "error"), "if.missing",
                "only with copy.from");
        assertProblem(configError("set", "field", "/a", "value", "x", "value.type", "null"), "value",
                "must not be given");
        assertProblem(configError("set", "field", "/a", "value", "x", "value.type", "long"), "value", "is not a long");
        assertProblem(configError("set", "field", "/a", "value", "1,5", "value.type", "decimal"), "value",
                "not a number");
        assertProblem(configError("set", "field", "/a", "value", "yes", "value.type", "boolean"), "value",
                "true or false");
        assertProblem(configError("set", "field", "/a", "value", "2024-05-01", "value.type", "timestamp"), "value",
                "ISO-8601");
        assertProblem(configError("set", "field", "/a", "value", 1, "if.exists", "skip"), "if.exists", "one of");
    }
}
