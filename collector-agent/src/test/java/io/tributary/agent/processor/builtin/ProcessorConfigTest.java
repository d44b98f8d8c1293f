package io.tributary.agent.processor.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.agent.config.AgentConfig;
import io.tributary.agent.config.PluginConfig;
import io.tributary.agent.processor.Processor;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.config.ConfigException;
import io.tributary.config.YamlLoader;
import io.tributary.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Processors configured through an agent file, built the way the runtime builds them. */
class ProcessorConfigTest {
    private static final YamlLoader YAML =
            new YamlLoader(Map.of("PSEUDONYM_KEY", "an-environment-secret-of-32-bytes")::get);

    private static String agent(String processors) {
        return """
                agent:
                  id: edge-1
                pipelines:
                  - name: p
                    origins:
                      - type: test
                    format:
                      type: text
                    destination:
                      bootstrap.servers: 127.0.0.1:9092
                      topic: t
                    processors:
                """ + processors.indent(6);
    }

    private static List<PluginConfig<ProcessorType>> configs(String processors) {
        return AgentConfig.parse(YAML.parse(agent(processors))).pipelines().get(0).processors();
    }

    @Test
    void buildsAPipelineOfProcessorsFromYaml() {
        List<PluginConfig<ProcessorType>> configs = configs("""
                - type: rename
                  from: /line
                  to: /raw/line
                - type: set
                  field: /floor
                  value: 3
                - type: filter
                  expression: /floor >= 3 and exists(/raw/line)
                - type: pseudonymise
                  fields: [/raw/line]
                  key: ${PSEUDONYM_KEY}
                  key.id: k-2024
                """);
        List<ConfigException.Problem> problems = new ArrayList<>();
        Record r = Record.of(Map.of("line", "aa:bb"));
        for (PluginConfig<ProcessorType> c : configs) {
            Processor p = c.build(problems, () -> c.plugin().create(c.settings()));
            assertNotNull(p, problems::toString);
            assertTrue(p.process(r));
        }
        assertEquals(3L, r.get("/floor"));
        assertEquals(64, ((String) r.get("/raw/line")).length());
        assertEquals("k-2024", r.header().attribute("pseudonymised.key.id"));
    }

    @Test
    void optionProblemsAreReportedAtTheirFullKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> configs("""
                - type: rename
                  from: /a
                  too: /b
                - type: event_time
                  field: /ts
                  format: epoch_ms
                  if.missing: maybe
                """));
        List<String> keys = e.problems().stream().map(ConfigException.Problem::key).toList();
        assertTrue(keys.contains("pipelines[0].processors[0].too"), keys::toString);
        assertTrue(keys.contains("pipelines[0].processors[0].to"), keys::toString);
        assertTrue(keys.contains("pipelines[0].processors[1].if.missing"), keys::toString);
    }

    @Test
    void createProblemsAreReportedAtTheirFullKey() {
        List<PluginConfig<ProcessorType>> configs = configs("""
                - type: filter
                  expression: /rssi > > 3
                - type: pseudonymise
                  fields: /mac
                  key: too-short
                  key.id: k
                """);
        List<ConfigException.Problem> problems = new ArrayList<>();
        for (PluginConfig<ProcessorType> c : configs) c.build(problems, () -> c.plugin().create(c.settings()));
        assertEquals("pipelines[0].processors[0].expression", problems.get(0).key());
        assertTrue(problems.get(0).message().contains("at column 9"), problems.get(0).message());
        assertEquals("pipelines[0].processors[1].key", problems.get(1).key());
        assertTrue(!problems.get(1).message().contains("too-short"), problems.get(1).message());
    }
}
