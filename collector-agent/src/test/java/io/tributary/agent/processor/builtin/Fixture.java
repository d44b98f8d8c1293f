package io.tributary.agent.processor.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.agent.processor.ProcessingException;
import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.agent.processor.Processors;
import io.tributary.config.ConfigException;
import io.tributary.record.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds processors through the registry, the way the agent does, and records with nulls and nesting. */
final class Fixture {
    private Fixture() {
    }

    /** The processor {@code type} configured with alternating option names and values. */
    static Processor processor(String type, Object... options) {
        ProcessorType t = Processors.get("type", type);
        return t.create(t.options().parse(map(options)));
    }

    /** The problems (as {@code key: message}) that configuring {@code type} this way reports. */
    static ConfigException configError(String type, Object... options) {
        return assertThrows(ConfigException.class, () -> processor(type, options));
    }

    static void assertProblem(ConfigException e, String key, String messagePart) {
        boolean found = e.problems().stream()
                .anyMatch(p -> p.key().equals(key) && p.message().contains(messagePart));
        if (!found) {
            throw new AssertionError("no problem at '" + key + "' containing '" + messagePart + "' in " + e.problems());
        }
    }

    static ProcessingException processingError(Processor p, Record r, String code) {
        ProcessingException e = assertThrows(ProcessingException.class, () -> p.process(r));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    /** A record from alternating names and values; values may be null, maps and lists. */
    static Record record(Object... fields) {
        return Record.of(map(fields));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }
}
