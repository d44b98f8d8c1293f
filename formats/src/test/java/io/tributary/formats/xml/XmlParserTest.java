package io.tributary.formats.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Formats;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.record.Record;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the golden cases cannot show: exact offsets in large documents, and configuration errors. */
class XmlParserTest {
    private static Parser parser(Map<String, String> options) {
        return Formats.parser("xml", options);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /**
     * Many records over several StAX buffers, with multi-byte characters, CR LF, comments, CDATA sections and
     * attribute values holding markup characters: each oversized record is reported at the exact byte offset
     * of its start tag, and the others are read.
     */
    @Test
    void recordOffsetsAreExactByteOffsets() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\r\n<!-- <reading> in a comment -->\r\n<feed>");
        List<Integer> big = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            boolean oversized = i % 7 == 3;
            if (oversized) big.add(i);
            xml.append("\r\n  <reading id=\"").append(i).append("\" note='a>b/c \"q\"'>")
                    .append("<t>é€😀 ").append(i).append("</t><!-- </reading> --><c><![CDATA[<reading id=\"x\">]]></c>")
                    .append(oversized ? "<pad>" + "ü".repeat(150) + "</pad>" : "")
                    .append("<?pi <reading?><e/></reading>");
        }
        xml.append("\r\n</feed>\r\n");
        byte[] payload = xml.toString().getBytes(StandardCharsets.UTF_8);

        CollectingSink sink = CollectingSink.parse(
                parser(Map.of("record.element", "reading", "max.record.bytes", "200")), payload);

        List<String> expected = new ArrayList<>();
        for (int i : big) {
            int at = indexOf(payload, ("<reading id=\"" + i + "\"").getBytes(StandardCharsets.UTF_8), 0);
            expected.add(ErrorCode.RECORD_TOO_LARGE + "@" + at);
        }
        assertEquals(expected, sink.errors.stream().map(e -> e.code() + "@" + e.offset()).toList());
        assertEquals(600 - big.size(), sink.records.size());
        Record first = sink.records.get(0);
        assertEquals(Map.of("@id", "0", "@note", "a>b/c \"q\"", "t", "é€😀 0", "c", "<reading id=\"x\">", "e", ""),
                first.fields());
    }

    @Test
    void recordBytesLimitIsInclusive() {
        byte[] payload = "<r><v>é€😀</v></r>".getBytes(StandardCharsets.UTF_8);
        String exact = String.valueOf(payload.length);
        String less = String.valueOf(payload.length - 1);
        assertEquals(1, CollectingSink.parse(parser(Map.of("max.record.bytes", exact)), payload).records.size());
        assertEquals(List.of(ErrorCode.RECORD_TOO_LARGE),
                CollectingSink.parse(parser(Map.of("max.record.bytes", less)), payload).errorCodes());
    }

    @Test
    void syntaxErrorOffsetIsInBytesAndTheMessageNamesLineAndColumn() {
        byte[] payload = "<r>\n<v>é€😀</v>\n<v>x</w></r>".getBytes(StandardCharsets.UTF_8);
        CollectingSink sink = CollectingSink.parse(parser(Map.of()), payload);
        assertEquals(1, sink.errors.size());
        ParseError error = sink.errors.get(0);
        assertEquals(ErrorCode.XML_SYNTAX, error.code());
        assertEquals(indexOf(payload, "w>".getBytes(StandardCharsets.UTF_8), 0), error.offset());
        assertTrue(error.message().startsWith("Malformed XML at line 3, column "), error.message());
        assertTrue(error.message().contains("\"v\""), error.message());
    }

    /**
     * One invalid byte anywhere in a valid document: the records that end before it are read, then
     * INVALID_UTF8 at its offset ends the document; nothing after it is ever reported.
     */
    @Test
    void invalidByteAtEveryPosition() {
        String doc = "<?xml version=\"1.0\"?><feed a=\"1\"><reading id=\"1\"><v>x</v></reading><!-- c -->"
                + "<reading id=\"2\"><![CDATA[y]]></reading><reading id=\"3\"/></feed>\n";
        byte[] valid = doc.getBytes(StandardCharsets.UTF_8);
        Parser parser = parser(Map.of("record.element", "reading"));
        int[] ends = {indexOf(valid, "</reading><!--".getBytes(StandardCharsets.UTF_8), 0) + 10,
                indexOf(valid, "</reading><reading id=\"3\"".getBytes(StandardCharsets.UTF_8), 0) + 10,
                indexOf(valid, "/></feed>".getBytes(StandardCharsets.UTF_8), 0) + 2};
        for (int k = 0; k <= valid.length; k++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(valid, 0, k);
            out.write(0xFF);
            out.write(valid, k, valid.length - k);
            CollectingSink sink = CollectingSink.parse(parser, out.toByteArray());
            int complete = 0;
            for (int end : ends) if (end <= k) complete++;
            assertEquals(complete, sink.records.size(), "records with the bad byte at " + k);
            assertEquals(List.of(ErrorCode.INVALID_UTF8 + "@" + k),
                    sink.errors.stream().map(e -> e.code() + "@" + e.offset()).toList(), "bad byte at " + k);
        }
    }

    @Test
    void unusableOptionsAreReportedByKey() {
        assertKey("record.element", Map.of("record.element", "feed/reading"));
        assertKey("record.element", Map.of("record.element", "/feed//reading"));
        assertKey("record.element", Map.of("record.element", "/feed/"));
        assertKey("record.element", Map.of("record.element", "1reading"));
        assertKey("record.element", Map.of("record.element", "m:reading"));
        assertKey("record.element", Map.of("record.element", "m:reading", "namespaces", "n=urn:x"));
        assertKey("namespaces", Map.of("namespaces", "urn:x"));
        assertKey("namespaces", Map.of("namespaces", "=urn:x"));
        assertKey("namespaces", Map.of("namespaces", "m=urn:x,m=urn:y"));
        assertKey("names", Map.of("names", "full"));
        assertKey("text.field", Map.of("text.field", ""));
        assertKey("text.field", Map.of("text.field", "@text"));
        assertKey("root.element", Map.of("root.element", "two words"));
    }

    @Test
    void prefixedRecordElementMatchesByNamespaceUri() {
        byte[] payload = ("<a:feed xmlns:a=\"urn:one\" xmlns:b=\"urn:two\"><a:r>1</a:r><b:r>2</b:r></a:feed>")
                .getBytes(StandardCharsets.UTF_8);
        CollectingSink sink = CollectingSink.parse(
                parser(Map.of("namespaces", "x=urn:two", "record.element", "x:r")), payload);
        assertEquals(List.of(Map.of("#text", "2")), sink.records.stream().map(Record::fields).toList());
    }

    /** External DTDs, external general entities and external parameter entities are never fetched. */
    @Test
    void externalEntitiesAreNeverFetched() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY leak \"LEAKED\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<String> documents = List.of(
                    "<!DOCTYPE r SYSTEM \"" + base + "/x.dtd\"><r>&leak;</r>",
                    "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p;]><r>&leak;</r>",
                    "<!DOCTYPE r [<!ENTITY e SYSTEM \"" + base + "/e.txt\">]><r>&e;</r>");
            for (String doc : documents) {
                CollectingSink sink = CollectingSink.parse(parser(Map.of()), doc.getBytes(StandardCharsets.UTF_8));
                assertEquals(List.of(ErrorCode.XML_DTD_FORBIDDEN), sink.errorCodes(), doc);
                assertTrue(sink.records.isEmpty(), doc);
            }
            assertEquals(0, requests.get());
        } finally {
            server.stop(0);
        }
    }

    private static void assertKey(String key, Map<String, String> options) {
        ConfigException e = assertThrows(ConfigException.class, () -> parser(options), options.toString());
        assertEquals(key, e.problems().get(0).key(), e.getMessage());
    }
}
