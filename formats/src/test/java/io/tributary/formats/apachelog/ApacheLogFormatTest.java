package io.tributary.formats.apachelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.ParserContractKit;
import io.tributary.record.Record;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApacheLogFormatTest extends ParserContractKit {
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD"};

    @Override
    protected String format() {
        return "apache_log";
    }

    @Override
    protected byte[] records(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(line(i, "/items/" + i + "?page=" + i)).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(int i, String target) {
        return "10.0." + (i / 250) + "." + (i % 250) + " - user" + i + " [10/Oct/2000:13:" + (10 + i % 50)
                + ":36 -0700] \"" + METHODS[i % METHODS.length] + " " + target + " HTTP/1.1\" " + (200 + i % 5)
                + " " + (i * 37) + " \"https://example.com/ref/" + i + "\" \"agent/" + i + " (\\\"x\\\")\"";
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        return (line(1, "/" + "p".repeat(bytes)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected byte[] recordWithValues(int n) {
        return null;
    }

    @Override
    protected byte[] nestedRecord(int depth) {
        return null;
    }

    private static CollectingSink parse(Map<String, String> options, String input) {
        return parseSafely(Formats.parser("apache_log", options), input.getBytes(StandardCharsets.UTF_8), input);
    }

    @Test
    void syntheticLinesReadBackTheirValues() {
        CollectingSink sink = CollectingSink.parse(parser(Map.of()), records(3));
        Record r = sink.records.get(2);
        assertEquals("PUT", r.field("method"));
        assertEquals("/items/2", r.field("path"));
        assertEquals("page=2", r.field("query"));
        assertEquals(202L, r.field("status"));
        assertEquals(74L, r.field("bytes"));
        assertEquals("agent/2 (\"x\")", r.field("request_header_user_agent"));
        assertEquals(Instant.parse("2000-10-10T20:12:36Z"), r.field("timestamp"));
    }

    @Test
    void unknownDirectiveIsAConfigErrorNamingLogFormat() {
        for (String bad : List.of("%h %Q", "%h %{Referer", "%h %", "%{}i", "%{foo}h", "%{%Q}t", "%{%H:%M}t",
                "%{msec_frac}t", "comon", "%h\\n%u")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> Formats.parser("apache_log", Map.of("log.format", bad)), bad);
            assertEquals("log.format", e.problems().get(0).key(), bad);
        }
    }

    @Test
    void unknownDirectiveMessageNamesTheDirective() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Formats.parser("apache_log", Map.of("log.format", "%h %Q %u")));
        assertTrue(e.getMessage().contains("%Q"), e.getMessage());
    }

    @Test
    void invalidTimeZoneIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Formats.parser("apache_log", Map.of("time.zone", "Mars/Olympus")));
        assertEquals("time.zone", e.problems().get(0).key());
    }

    @Test
    void presetNamesAreCaseInsensitiveAndVhostCombinedReadsServerAndPort() {
        CollectingSink sink = parse(Map.of("log.format", "VHOST_combined"), "shop.example:8080 1.2.3.4 - - "
                + "[10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 99 \"-\" \"ua\"");
        assertEquals(List.of(), sink.errors);
        assertEquals("shop.example", sink.records.get(0).field("virtual_host"));
        assertEquals(8080L, sink.records.get(0).field("server_port"));
        assertEquals(99L, sink.records.get(0).field("bytes_sent"));
    }

    @Test
    void mismatchReportsTheLineStartAndSaysWhere() {
        String good = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1";
        CollectingSink sink = parse(Map.of("log.format", "common"), good + "\n" + good.replace(" 200 ", " 2x0 "));
        assertEquals(1, sink.records.size());
        ParseError e = sink.errors.get(0);
        assertEquals(ErrorCode.LOG_MISMATCH, e.code());
        assertEquals(good.length() + 1, e.offset());
        assertTrue(e.message().contains("column " + (good.indexOf(" 200 ") + 3)), e.message());
    }

    @Test
    void httpdConfEscapesAndPercentLiteralsInTheFormat() {
        CollectingSink sink = parse(Map.of("log.format", "%h\\t\\\"%r\\\" 100%% %>s"),
                "h1\t\"GET /x HTTP/1.0\" 100% 201");
        assertEquals(List.of(), sink.errors);
        assertEquals("/x", sink.records.get(0).field("path"));
        assertEquals(201L, sink.records.get(0).field("status"));
    }

    @Test
    void statusConditionsAndModifiersAreAccepted() {
        CollectingSink sink = parse(Map.of("log.format", "%h %<s %!200,304{Referer}i %400,501{User-Agent}i"),
                "h 404 - bot");
        assertEquals(List.of(), sink.errors);
        Record r = sink.records.get(0);
        assertEquals(List.of("remote_host", "status", "request_header_referer", "request_header_user_agent"),
                List.copyOf(r.fields().keySet()));
        assertEquals(null, r.field("request_header_referer"));
        assertEquals("bot", r.field("request_header_user_agent"));
    }

    @Test
    void unquotedDirectiveRunsToTheNextLiteral() {
        CollectingSink sink = parse(Map.of("log.format", "%u|%{User-Agent}i"), "John Doe|Mozilla/5.0 (X11) x");
        assertEquals(List.of(), sink.errors);
        assertEquals("John Doe", sink.records.get(0).field("remote_user"));
        assertEquals("Mozilla/5.0 (X11) x", sink.records.get(0).field("request_header_user_agent"));
    }

    @Test
    void tooManyFieldsForMaxFieldsIsReportedPerLine() {
        String good = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1";
        Parser parser = Formats.parser("apache_log", Map.of("log.format", "common", "max.fields", "10"));
        CollectingSink sink = CollectingSink.parse(parser, (good + "\n" + good).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(ErrorCode.MAX_FIELDS_EXCEEDED, ErrorCode.MAX_FIELDS_EXCEEDED), sink.errorCodes());
        assertTrue(sink.records.isEmpty());
        Parser enough = Formats.parser("apache_log", Map.of("log.format", "common", "max.fields", "11"));
        assertEquals(2, CollectingSink.parse(enough, (good + "\n" + good).getBytes(StandardCharsets.UTF_8))
                .records.size());
    }

    @Test
    void manyEscapesInAQuotedFieldAreReadInLinearTime() {
        String agent = "\\\"".repeat(200_000);
        String line = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1 \"-\" \"" + agent + "\"";
        CollectingSink sink = parse(Map.of("max.record.bytes", "10000000", "max.payload.bytes", "10000000"), line);
        assertEquals(List.of(), sink.errors);
        assertEquals("\"".repeat(200_000), sink.records.get(0).field("request_header_user_agent"));
        CollectingSink unterminated = parse(Map.of("max.record.bytes", "10000000", "max.payload.bytes", "10000000"),
                line.substring(0, line.length() - 1));
        assertEquals(List.of(ErrorCode.LOG_MISMATCH), unterminated.errorCodes());
    }

    @Test
    void combinedPresetFillsThirteenFields() {
        LogFormat format = ApacheLogFormat.compile("combined", java.time.ZoneOffset.UTC);
        assertEquals(13, format.fieldCount());
        assertEquals(ApacheLogFormat.COMBINED, format.toString());
    }
}
