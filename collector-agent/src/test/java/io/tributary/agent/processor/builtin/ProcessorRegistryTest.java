package io.tributary.agent.processor.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.processor.ProcessorType;
import io.tributary.agent.processor.Processors;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorRegistryTest {
    private static final Map<String, Class<?>> BUILT_INS = Map.of(
            "rename", RenameProcessorType.class,
            "remove", RemoveProcessorType.class,
            "set", SetProcessorType.class,
            "filter", FilterProcessorType.class,
            "set_key", SetKeyProcessorType.class,
            "event_time", EventTimeProcessorType.class,
            "pseudonymise", PseudonymiseProcessorType.class);

    @Test
    void findsEveryBuiltInByName() {
        BUILT_INS.forEach((name, type) -> {
            ProcessorType t = Processors.get("processors[0].type", name);
            assertSame(type, t.getClass());
            assertEquals(name, t.name());
        });
        assertTrue(Processors.all().stream().map(ProcessorType::name).toList().containsAll(BUILT_INS.keySet()));
    }

    @Test
    void everyTypeAndOptionIsDocumented() {
        for (String name : BUILT_INS.keySet()) {
            ProcessorType t = Processors.get("type", name);
            assertFalse(t.description().isBlank(), name);
            assertFalse(t.options().options().isEmpty(), name);
            for (Option<?> o : t.options().options()) {
                assertTrue(o.doc() != null && o.doc().length() > 20, name + "." + o.name() + " has no real doc");
                assertTrue(o.name().matches("[a-z]+(\\.[a-z]+)*"), name + "." + o.name() + " is not lower.dotted");
            }
        }
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> Processors.get("processors[2].type", "renam"));
        assertEquals("processors[2].type", e.problems().get(0).key());
        for (String name : List.of("rename", "pseudonymise", "event_time")) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }
}
