package io.tributary.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionTest {
    private static final Option<Integer> PORT = Option.intValue("port", 80, 1, 65535, "port");
    private static final Option<String> HOST = Option.string("host", null, "host").required();
    private static final OptionSet SERVER = OptionSet.of(PORT, HOST);

    private final YamlLoader yaml = new YamlLoader(Map.of("HOST", "example.org")::get);

    @Test
    void everyProblemOfTheFileIsCollectedWithItsFullKey() {
        List<ConfigException.Problem> problems = new ArrayList<>();
        Section root = Section.root(yaml.parse("""
                servers:
                  - {host: a, port: 70000}
                  - {prot: 1}
                  - just-a-string
                extra: {x: {nested: 1}}
                """), problems);
        for (Section s : root.list("servers", true)) s.settings(SERVER, List.of());
        root.properties("extra");
        root.child("missing", true);

        ConfigException e = assertThrows(ConfigException.class, root::throwIfProblems);
        assertEquals(List.of("servers[2]", "servers[0].port", "servers[1].prot", "servers[1].host",
                "extra.x", "missing"), e.problems().stream().map(ConfigException.Problem::key).toList());
        assertTrue(e.problems().get(2).message().contains("[port, host]"), e.getMessage());
    }

    @Test
    void environmentVariablesAndDatesBecomePlainText() {
        Section root = Section.root(yaml.parse("""
                host: ${HOST}
                port: ${PORT:-8080}
                start: 2026-11-23T08:00:00Z
                names: [a, b]
                """), new ArrayList<>());
        Settings s = root.settingsExcept(SERVER, "start", "names");
        assertEquals("example.org", s.get(HOST));
        assertEquals(8080, s.get(PORT));
        assertEquals("2026-11-23T08:00:00Z", root.raw("start"));
        assertEquals(List.of("a", "b"), root.strings("names"));
    }

    @Test
    void anUnsetVariableAndBadYamlAreReportedByKey() {
        ConfigException unset = assertThrows(ConfigException.class, () -> yaml.parse("a:\n  b: ${NOPE}"));
        assertEquals("a.b", unset.problems().get(0).key());

        ConfigException syntax = assertThrows(ConfigException.class, () -> yaml.parse("a: [1, 2\nb: c", "scenario"));
        assertEquals("scenario", syntax.problems().get(0).key());
        assertTrue(syntax.getMessage().contains("line"), syntax.getMessage());

        ConfigException duplicate = assertThrows(ConfigException.class, () -> yaml.parse("a: 1\na: 2"));
        assertEquals("yaml", duplicate.problems().get(0).key());
    }

    @Test
    void absentOptionalPartsAreEmptyNotNull() {
        List<ConfigException.Problem> problems = new ArrayList<>();
        Section root = Section.root(yaml.parse(""), problems);
        assertNull(root.child("x", false));
        assertEquals(Map.of(), root.childOrEmpty("x").entries());
        assertEquals("x.y", root.childOrEmpty("x").key("y"));
        assertEquals(List.of(), root.list("x", false));
        assertEquals(List.of(), root.strings("x"));
        assertTrue(problems.isEmpty());
    }
}
