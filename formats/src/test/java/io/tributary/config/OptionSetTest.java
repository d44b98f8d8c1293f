package io.tributary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionSetTest {
    static final Option<String> MODE = Option.choice("mode", "auto", "How to read.", "auto", "object");
    static final Option<Integer> SIZE = Option.intValue("size.bytes", 10, 1, 100, "Size.");
    static final Option<Character> DELIM = Option.character("delimiter", ',', "Separator.");
    static final Option<List<String>> COLUMNS = Option.list("columns", List.of(), "Columns.");
    static final Option<String> FILE = Option.string("schema.file", null, "Schema file.").required();
    static final OptionSet SET = OptionSet.of(MODE, SIZE, DELIM, COLUMNS, FILE);

    @Test
    void parsesTypedValuesFromStringsAndYamlValues() {
        Settings s = SET.parse(Map.of("mode", "OBJECT", "size.bytes", 42, "delimiter", "\\t",
                "columns", "a, b,c", "schema.file", "x.avsc"));
        assertEquals("object", s.get(MODE));
        assertEquals(42, s.get(SIZE));
        assertEquals('\t', s.get(DELIM));
        assertEquals(List.of("a", "b", "c"), s.get(COLUMNS));
        assertEquals(List.of("p", "q"), SET.parse(Map.of("columns", List.of("p", "q"), "schema.file", "f"))
                .get(COLUMNS));
        assertTrue(s.isSet(SIZE));
    }

    @Test
    void defaultsApplyWhenNotGiven() {
        Settings s = SET.parse(Map.of("schema.file", "x"));
        assertEquals("auto", s.get(MODE));
        assertEquals(10, s.get(SIZE));
        assertFalse(s.isSet(SIZE));
    }

    @Test
    void reportsEveryProblemByKeyAtOnce() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("mode", "fast");
        raw.put("size.bytes", "1000");
        raw.put("delimiter", ",,");
        raw.put("colums", "a");
        ConfigException e = assertThrows(ConfigException.class, () -> SET.parse(raw));
        List<String> keys = e.problems().stream().map(ConfigException.Problem::key).toList();
        assertEquals(List.of("mode", "size.bytes", "delimiter", "colums", "schema.file"), keys);
        assertTrue(e.getMessage().contains("5 configuration problems"), e.getMessage());
        assertTrue(e.problems().get(3).message().contains("[mode, size.bytes, delimiter, columns, schema.file]"),
                e.problems().get(3).message());
        assertTrue(e.problems().get(1).message().contains("'1000'"));
        assertEquals("pipelines[0].format.mode", e.withPrefix("pipelines[0].format").problems().get(0).key());
    }

    @Test
    void customValidationNamesTheReason() {
        Option<String> even = Option.string("name", "ab", "Name.").validate(v -> v.length() % 2 == 0 ? null
                : "must have an even length");
        ConfigException e = assertThrows(ConfigException.class, () -> OptionSet.of(even).parse(Map.of("name", "abc")));
        assertEquals("name: invalid value 'abc': must have an even length", e.problems().get(0).toString());
    }
}
