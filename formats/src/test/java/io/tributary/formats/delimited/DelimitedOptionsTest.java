package io.tributary.formats.delimited;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import io.tributary.formats.Formats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DelimitedOptionsTest {
    private static List<ConfigException.Problem> problems(String format, Map<String, String> options) {
        return assertThrows(ConfigException.class, () -> Formats.parser(format, options)).problems();
    }

    private static void assertProblem(String key, String fragment, Map<String, String> options) {
        List<ConfigException.Problem> problems = problems("csv", options);
        assertTrue(problems.stream().anyMatch(p -> p.key().equals(key) && p.message().contains(fragment)),
                "expected a problem on " + key + " mentioning '" + fragment + "', got " + problems);
    }

    @Test
    void columnsAreRequiredWithoutAHeaderLine() {
        assertProblem("columns", "required when header.line=false", Map.of("header.line", "false"));
        assertProblem("columns", "twice", Map.of("columns", "a,b,a"));
    }

    @Test
    void structuralCharactersMustBeDistinctAsciiCharacters() {
        assertProblem("quote", "already used", Map.of("delimiter", "'", "quote", "'"));
        assertProblem("escape", "already used", Map.of("escape", "\""));
        assertProblem("comment", "already used", Map.of("comment", ","));
        assertProblem("delimiter", "ASCII", Map.of("delimiter", "§"));
        assertProblem("delimiter", "line break", Map.of("delimiter", "\\n"));
        assertProblem("quote", "one character", Map.of("quote", "''"));
        assertProblem("escape", "control character", Map.of("escape", "n"));
    }

    @Test
    void typesAreNameColonTypeForKnownTypesAndColumns() {
        assertProblem("types", "is not 'name:type'", Map.of("types", "temp"));
        assertProblem("types", "string|long|double|decimal|boolean|timestamp|bytes", Map.of("types", "temp:float"));
        assertProblem("types", "names no column", Map.of("columns", "a,b", "types", "c:long"));
        assertProblem("types", "twice", Map.of("types", "a:long,a:double"));
    }

    @Test
    void nullValueMustBeAbleToMatchAField() {
        assertProblem("null.value", "never", Map.of("null.value", "a,b"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ConfigException.Problem> problems = problems("tsv",
                Map.of("header.line", "false", "types", "x:float", "quote", "\t"));
        assertEquals(List.of("columns", "quote", "types"),
                problems.stream().map(ConfigException.Problem::key).sorted().distinct().toList(), problems.toString());
    }

    @Test
    void presetsDifferOnlyInDefaults() {
        DelimitedFormat csv = (DelimitedFormat) Formats.get("csv");
        DelimitedFormat tsv = (DelimitedFormat) Formats.get("tsv");
        assertEquals(',', csv.delimiter.defaultValue());
        assertEquals("\"", csv.quote.defaultValue());
        assertEquals('\t', tsv.delimiter.defaultValue());
        assertEquals("none", tsv.quote.defaultValue());
        assertEquals(csv.options().options().stream().map(o -> o.name()).toList(),
                tsv.options().options().stream().map(o -> o.name()).toList());
        assertTrue(csv.hasWriter() && tsv.hasWriter());
    }
}
