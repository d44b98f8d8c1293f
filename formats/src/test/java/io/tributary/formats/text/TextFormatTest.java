package io.tributary.formats.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.config.ConfigException;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.ParserContractKit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextFormatTest extends ParserContractKit {
    @Override
    protected String format() {
        return "text";
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("max.line.length", "1000000");
    }

    @Override
    protected byte[] records(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("line ").append(i).append(" of ").append(n).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        return ("x".repeat(bytes) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] recordWithValues(int n) {
        return null;
    }

    @Override
    protected byte[] nestedRecord(int depth) {
        return null;
    }

    @Test
    void lineTooLongIsCheckedBeforeTheRecordSize() {
        CollectingSink sink = CollectingSink.parse(
                Formats.parser("text", Map.of("max.line.length", "5", "max.record.bytes", "5")),
                "123456\n12345".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new ParseError(ErrorCode.LINE_TOO_LONG,
                "Line of 6 bytes is longer than max.line.length=5", 0)), sink.errors);
        assertEquals("12345", sink.records.get(0).field("line"));
    }

    @Test
    void errorsAndRecordsArriveInPayloadOrder() {
        CollectingSink sink = CollectingSink.parse(Formats.parser("text", Map.of()),
                new byte[] {'a', '\n', (byte) 0xC0, '\n', 'b'});
        assertEquals(3, sink.events.size());
        assertEquals("a", ((io.tributary.record.Record) sink.events.get(0)).field("line"));
        assertEquals(ErrorCode.INVALID_UTF8, ((ParseError) sink.events.get(1)).code());
        assertEquals(2, ((ParseError) sink.events.get(1)).offset());
        assertEquals("b", ((io.tributary.record.Record) sink.events.get(2)).field("line"));
    }

    @Test
    void emptyFieldNameIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> Formats.parser("text", Map.of("field", "")));
        assertEquals("field", e.problems().get(0).key());
    }

    @Test
    void nonPositiveMaxLineLengthIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Formats.parser("text", Map.of("max.line.length", "0")));
        assertEquals("max.line.length", e.problems().get(0).key());
    }
}
