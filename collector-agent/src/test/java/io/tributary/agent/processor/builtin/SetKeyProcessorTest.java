package io.tributary.agent.processor.builtin;

import static io.tributary.agent.processor.builtin.Fixture.assertProblem;
import static io.tributary.agent.processor.builtin.Fixture.configError;
import static io.tributary.agent.processor.builtin.Fixture.list;
import static io.tributary.agent.processor.builtin.Fixture.map;
import static io.tributary.agent.processor.builtin.Fixture.processingError;
import static io.tributary.agent.processor.builtin.Fixture.processor;
import static io.tributary.agent.processor.builtin.Fixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.processor.Processor;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SetKeyProcessorTest {
    private static String key(Object value) {
        Record r = record("device", map("id", value));
        assertTrue(processor("set_key", "field", "/device/id").process(r));
        return r.header().key();
    }

    @Test
    void scalarsBecomeTheirText() {
        assertEquals("s-17", key("s-17"));
        assertEquals("17", key(17L));
        assertEquals("1.5", key(1.5));
        assertEquals("10000000000000000000000", key(new BigDecimal("1E+22")));
        assertEquals("true", key(true));
        assertEquals("2024-05-01T12:00:00Z", key(Instant.parse("2024-05-01T12:00:00Z")));
    }

    @Test
    void bareNamesAndListElements() {
        Record r = record("ids", list("first", "second"), "sensor", "s1");
        processor("set_key", "field", "/ids/1").process(r);
        assertEquals("second", r.header().key());
        processor("set_key", "field", "sensor").process(r);
        assertEquals("s1", r.header().key());
    }

    @Test
    void missingOrNullKeepsTheKeyOrIsAnError() {
        Record r = record("id", null);
        r.header().key("before");
        processor("set_key", "field", "/id").process(r);
        assertEquals("before", r.header().key());
        Processor strict = processor("set_key", "field", "/id", "if.missing", "error");
        processingError(strict, r, ErrorCodes.FIELD_MISSING);
        processingError(strict, record(), ErrorCodes.FIELD_MISSING);
    }

    @Test
    void structuredValuesAreNotKeys() {
        Processor p = processor("set_key", "field", "/id");
        processingError(p, record("id", map("a", 1L)), ErrorCodes.KEY_NOT_SCALAR);
        processingError(p, record("id", list(1L)), ErrorCodes.KEY_NOT_SCALAR);
        processingError(p, record("id", Bytes.of(new byte[] {1})), ErrorCodes.KEY_NOT_SCALAR);
    }

    @Test
    void badOptions() {
        assertProblem(configError("set_key"), "field", "is required");
        assertProblem(configError("set_key", "field", "/id", "if.missing", "ignore"), "if.missing", "one of");
    }
}
