package io.tributary.agent.processor.builtin;

import static io.tributary.agent.processor.builtin.Fixture.assertProblem;
import static io.tributary.agent.processor.builtin.Fixture.configError;
import static io.tributary.agent.processor.builtin.Fixture.map;
import static io.tributary.agent.processor.builtin.Fixture.processingError;
import static io.tributary.agent.processor.builtin.Fixture.processor;
import static io.tributary.agent.processor.builtin.Fixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.processor.ProcessingException;
import io.tributary.agent.processor.Processor;
import io.tributary.record.Record;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTimeProcessorTest {
    private static Instant read(Object value, Object... options) {
        Object[] all = new Object[options.length + 2];
        all[0] = "field";
        all[1] = "/ts";
        System.arraycopy(options, 0, all, 2, options.length);
        Record r = record("ts", value);
        assertTrue(processor("event_time", all).process(r));
        return r.header().eventTime();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-05-01T12:00:00Z | 2024-05-01T12:00:00Z",
        "2024-05-01t12:00:00.123456789z | 2024-05-01T12:00:00.123456789Z",
        "2024-05-01T14:00:00+02:00 | 2024-05-01T12:00:00Z",
        "2024-05-01T14:00:00+0200 | 2024-05-01T12:00:00Z",
        "2024-05-01T14:00:00+02 | 2024-05-01T12:00:00Z",
        "2024-05-01 14:00:00+02:00 | 2024-05-01T12:00:00Z",
        "2024-05-01T14:00:00+02:00[Europe/Berlin] | 2024-05-01T12:00:00Z",
        "2024-05-01T12:00 | 2024-05-01T12:00:00Z",
        "2024-05-01 | 2024-05-01T00:00:00Z",
    })
    void iso8601(String text, String expected) {
        assertEquals(Instant.parse(expected), read(text));
    }

    @Test
    void iso8601WithoutOffsetUsesTheTimeZone() {
        assertEquals(Instant.parse("2024-01-15T11:00:00Z"), read("2024-01-15T12:00:00", "time.zone", "Europe/Berlin"));
        assertEquals(Instant.parse("2024-07-15T10:00:00Z"), read("2024-07-15T12:00:00", "time.zone", "Europe/Berlin"));
        assertEquals(Instant.parse("2024-07-15T12:00:00Z"),
                read("2024-07-15T14:00:00+02:00", "time.zone", "America/New_York"));
    }

    @Test
    void epochUnitsFromNumbersAndNumericStrings() {
        Instant t = Instant.parse("2023-11-14T22:13:20.123Z");
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"), read(1_700_000_000L, "format", "epoch_s"));
        assertEquals(t, read(1_700_000_000.123, "format", "epoch_s"));
        assertEquals(t, read(new BigDecimal("1700000000.123"), "format", "epoch_s"));
        assertEquals(t, read(1_700_000_000_123L, "format", "epoch_ms"));
        assertEquals(t, read(" 1700000000123 ", "format", "epoch_ms"));
        assertEquals(t, read(1_700_000_000_123_000L, "format", "epoch_us"));
        assertEquals(t.plusNanos(456_789), read(1_700_000_000_123_456_789L, "format", "epoch_ns"));
        assertEquals(Instant.parse("1969-12-31T23:59:59.999Z"), read(-1L, "format", "epoch_ms"));
        assertEquals(Instant.parse("1969-12-31T23:59:59.5Z"), read("-0.5", "format", "epoch_s"));
        assertEquals(Instant.parse("2001-09-09T01:46:40Z"), read("1e9", "format", "epoch_s"));
    }

    @Test
    void patternsWithAndWithoutZone() {
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"),
                read("01/05/2024 12:00:00", "format", "dd/MM/yyyy HH:mm:ss", "time.zone", "Europe/Berlin"));
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"),
                read("01/May/2024:14:00:00 +0200", "format", "dd/MMM/yyyy:HH:mm:ss Z"));
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), read(20240501L, "format", "uuuuMMdd"));
    }

    @Test
    void aTimestampValueIsTakenAsItIs() {
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        assertEquals(t, read(t, "format", "epoch_ms"));
        assertEquals(t, read(t, "format", "dd/MM/yyyy"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "iso8601 | not a time",
        "iso8601 | 2024-02-30T00:00:00Z",
        "iso8601 | 2024-05-01T25:00:00Z",
        "epoch_ms | 12abc",
        "epoch_ms | ''",
        "epoch_s | 1e400",
        "epoch_s | 99999999999999999999",
        "dd/MM/yyyy | 31/02/2024",
        "dd/MM/yyyy | 2024-05-01",
    })
    void unparsableValues(String format, String value) {
        Processor p = processor("event_time", "field", "/ts", "format", format);
        ProcessingException e = processingError(p, record("ts", value), ErrorCodes.EVENT_TIME_INVALID);
        assertTrue(e.getMessage().contains("/ts"), e.getMessage());
    }

    @Test
    void wrongValueTypes() {
        processingError(processor("event_time", "field", "/ts"), record("ts", 5L), ErrorCodes.EVENT_TIME_INVALID);
        processingError(processor("event_time", "field", "/ts", "format", "epoch_s"), record("ts", true),
                ErrorCodes.EVENT_TIME_INVALID);
        processingError(processor("event_time", "field", "/ts", "format", "epoch_s"), record("ts", Double.NaN),
                ErrorCodes.EVENT_TIME_INVALID);
        processingError(processor("event_time", "field", "/ts", "format", "epoch_s"), record("ts", Long.MAX_VALUE),
                ErrorCodes.EVENT_TIME_INVALID);
    }

    @Test
    void longValuesAreShortenedInTheMessage() {
        ProcessingException e = processingError(processor("event_time", "field", "/ts"), record("ts", "x".repeat(500)),
                ErrorCodes.EVENT_TIME_INVALID);
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void missingIsIgnoredOrAnError() {
        Record r = record("meta", map());
        r.header().eventTime(Instant.EPOCH);
        processor("event_time", "field", "/meta/ts").process(r);
        assertEquals(Instant.EPOCH, r.header().eventTime());
        processingError(processor("event_time", "field", "/meta/ts", "if.missing", "error"), r,
                ErrorCodes.FIELD_MISSING);
    }

    @Test
    void removesTheFieldWhenAsked() {
        Record r = record("meta", map("ts", "2024-05-01T12:00:00Z", "x", 1L));
        processor("event_time", "field", "/meta/ts", "remove.field", true).process(r);
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), r.header().eventTime());
        assertEquals(map("x", 1L), r.get("/meta"));
        Record kept = record("ts", "2024-05-01T12:00:00Z");
        processor("event_time", "field", "/ts").process(kept);
        assertEquals("2024-05-01T12:00:00Z", kept.get("/ts"));
    }

    @Test
    void aFailedRecordKeepsItsField() {
        Record r = record("ts", "garbage");
        processingError(processor("event_time", "field", "/ts", "remove.field", true), r,
                ErrorCodes.EVENT_TIME_INVALID);
        assertEquals("garbage", r.get("/ts"));
        assertNull(r.header().eventTime());
    }

    @Test
    void badOptions() {
        assertProblem(configError("event_time", "field", "/ts", "format", "yyyy-MM-dd'T"), "format", "invalid pattern");
        assertProblem(configError("event_time", "field", "/ts", "format", "MMM dd HH:mm:ss"), "format",
                "cannot read back");
        assertProblem(configError("event_time", "field", "/ts", "format", "HH:mm"), "format", "cannot read back");
        assertProblem(configError("event_time", "field", "/ts", "format", "epoch_ms", "time.zone", "UTC"), "time.zone",
                "does not apply");
        assertProblem(configError("event_time", "field", "/ts", "time.zone", "Mars/Olympus"), "time.zone",
                "not a time zone");
        assertProblem(configError("event_time", "format", "iso8601"), "field", "is required");
    }
}
