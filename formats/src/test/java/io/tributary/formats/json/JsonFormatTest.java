package io.tributary.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Formats;
import io.tributary.formats.Parser;
import io.tributary.formats.ParserContractKit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JsonFormatTest extends ParserContractKit {
    @Override
    protected String format() {
        return "json";
    }

    @Override
    protected byte[] records(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"sensor_id\":\"s-").append(i % 40).append("\",\"mall\":\"m").append(i % 3)
                    .append("\",\"ts\":\"2026-11-22T10:15:").append(10 + i % 50).append(".123Z\",\"rssi\":")
                    .append(-40 - i % 50).append(",\"battery\":0.").append(50 + i % 49)
                    .append(",\"readings\":[{\"k\":\"temp\",\"v\":21.5},{\"k\":\"hum\",\"v\":40}]}\n");
        }
        return bytes(sb);
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        StringBuilder sb = new StringBuilder("{\"id\":1,\"pad\":[");
        while (sb.length() < bytes) sb.append("\"").append("x".repeat(90)).append("\",");
        sb.append("\"end\"]}");
        return bytes(sb);
    }

    /** A list of 3 (4 values), a map with a list of 2 and a string (5 values), and n - 9 scalars. */
    @Override
    protected byte[] recordWithValues(int n) {
        StringBuilder sb = new StringBuilder("{\"list\":[1,2,3],\"map\":{\"x\":[true,null],\"y\":\"z\"}");
        for (int i = 0; i < n - 9; i++) sb.append(",\"f").append(i).append("\":").append(i);
        return bytes(sb.append('}'));
    }

    @Override
    protected byte[] nestedRecord(int depth) {
        return bytes(new StringBuilder().append("{\"a\":".repeat(depth)).append(1).append("}".repeat(depth)));
    }

    @Test
    void recordCanNestAsDeepAsTheLargestDepthLimitOnASmallStack() throws Exception {
        Parser parser = parser(Map.of("max.depth", "1000"));
        byte[] deepest = nestedRecord(1000);
        byte[] deeper = bytes(new StringBuilder("[").append("[".repeat(200_000)).append("]".repeat(200_000))
                .append(",{\"a\":1}]"));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(List.of(CollectingSink.parse(parser, deepest), CollectingSink.parse(parser, deeper)));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "small-stack", 64 * 1024);
        thread.start();
        thread.join();
        if (result.get() instanceof Throwable t) throw new AssertionError("parsing threw", t);
        @SuppressWarnings("unchecked")
        List<CollectingSink> sinks = (List<CollectingSink>) result.get();
        assertEquals(List.of(), sinks.get(0).errors);
        assertEquals(1, sinks.get(0).records.size());
        assertEquals(List.of(ErrorCode.JSON_NOT_OBJECT), sinks.get(1).errorCodes());
        assertTrue(sinks.get(1).records.isEmpty(), "an array ends at the first error it cannot skip");
    }

    @Test
    @Timeout(10)
    void numbersLongerThanARecordMayBeAreNotConverted() {
        String digits = "7".repeat(2_000_000);
        Parser parser = parser(Map.of("max.record.bytes", "1000", "decimals", "decimal"));
        CollectingSink sink = CollectingSink.parse(parser,
                bytes(new StringBuilder("{\"n\":").append(digits).append("}\n{\"n\":0.").append(digits).append("}")));
        assertEquals(List.of(ErrorCode.RECORD_TOO_LARGE, ErrorCode.RECORD_TOO_LARGE), sink.errorCodes());
    }

    @Test
    void extremeExponentsNeverThrow() {
        byte[] payload = bytes(new StringBuilder("{\"a\":1e99999999999}\n{\"a\":1e-99999999999}\n")
                .append("{\"a\":123456789012345678901234567890e2147483648}\n{\"a\":-1E-2147483649}\n"));
        for (String decimals : List.of("double", "decimal")) {
            CollectingSink sink = parseSafely(parser(Map.of("decimals", decimals)), payload, "decimals=" + decimals);
            assertEquals(4, sink.records.size() + sink.errors.size(), sink.events::toString);
        }
    }

    @Test
    void fieldNamesAreSharedAcrossPayloads() {
        Parser parser = parser(Map.of());
        String first = CollectingSink.parse(parser, bytes(new StringBuilder("{\"sensor_id\":1}"))).records.get(0)
                .fields().keySet().iterator().next();
        String second = CollectingSink.parse(parser, bytes(new StringBuilder("{\"sensor_id\":2}"))).records.get(0)
                .fields().keySet().iterator().next();
        assertSame(first, second);
    }

    @Test
    void errorsAndRecordsArriveInPayloadOrder() {
        CollectingSink sink = CollectingSink.parse(parser(Map.of()),
                bytes(new StringBuilder("{\"id\":1}\n42\n{\"id\":2}\n{\"id\":\n{\"id\":3}\n")));
        List<String> order = new ArrayList<>();
        for (Object e : sink.events) order.add(e instanceof io.tributary.formats.ParseError p ? p.code() : "record");
        assertEquals(List.of("record", ErrorCode.JSON_NOT_OBJECT, "record", ErrorCode.JSON_SYNTAX, "record"), order);
    }

    @Test
    void unknownModeAndBlankTimestampFieldsAreRejectedByKey() {
        ConfigException mode = assertThrows(ConfigException.class, () -> parser(Map.of("mode", "xml")));
        assertEquals("mode", mode.problems().get(0).key());
        ConfigException fields = assertThrows(ConfigException.class,
                () -> parser(Map.of("timestamp.fields", "ts, ,x")));
        assertEquals("timestamp.fields", fields.problems().get(0).key());
    }

    @Test
    void writerIsRegistered() {
        assertTrue(Formats.get("json").hasWriter());
        assertTrue(Formats.writer("json", Map.of("layout", "array")) instanceof JsonWriter);
    }

    static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
