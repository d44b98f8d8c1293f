package io.tributary.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import io.tributary.config.YamlLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
    private static final YamlLoader YAML = new YamlLoader(Map.of("KAFKA", "127.0.0.1:9092", "TOPIC", "t")::get);

    private static AgentConfig parse(String yaml) {
        return AgentConfig.parse(YAML.parse(yaml));
    }

    private static List<String> problemKeys(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        return e.problems().stream().map(ConfigException.Problem::key).toList();
    }

    private static final String GOOD = """
            agent:
              id: edge-1
            admin:
              port: 0
            pipelines:
              - name: rssi
                origins:
                  - type: test
                    id: in
                    channel: mall
                format:
                  type: json
                destination:
                  bootstrap.servers: ${KAFKA}
                  topic: ${TOPIC}
                  key.field: /sensor_id
                  producer:
                    linger.ms: 20
                spool:
                  dir: /tmp/spool-x
                  when.full: drop-oldest
            """;

    @Test
    void readsAGoodFileWithDefaultsAndEnvironment() {
        AgentConfig c = parse(GOOD);
        assertEquals("edge-1", c.agentId());
        assertEquals(0, c.admin().port());
        PipelineConfig p = c.pipelines().get(0);
        assertEquals("rssi", p.name());
        assertEquals("in", p.origins().get(0).id());
        assertEquals("json", p.format().plugin().name());
        assertEquals("127.0.0.1:9092", p.destination().bootstrapServers());
        assertEquals("t.errors", p.destination().errorTopic());
        assertEquals("20", p.destination().producer().get("linger.ms"));
        assertEquals("all", p.destination().producer().get("acks"));
        assertEquals(Path.of("/tmp/spool-x"), p.spool().dir());
        assertEquals("drop-oldest", p.spool().whenFull());
        assertEquals("always", p.spool().fsync());
    }

    @Test
    void reportsEveryMistakeByKeyInOneGo() {
        String bad = """
                agent:
                  idd: edge-1
                admin:
                  port: 70000
                pipelines:
                  - name: rssi
                    origins:
                      - type: carrier-pigeon
                      - type: test
                        chanel: x
                    format:
                      type: json
                      mode: sometimes
                    destination:
                      topic: t
                      producer:
                        value.serializer: x
                    spool:
                      when.full: panic
                  - name: rssi
                    origins: []
                    format:
                      type: yaml
                    destination:
                      bootstrap.servers: ${MISSING_VAR}
                      topic: t
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> parse(bad));
        List<String> keys = e.problems().stream().map(ConfigException.Problem::key).toList();
        assertEquals(List.of("pipelines[1].destination.bootstrap.servers"), keys, e.getMessage());
        // With the environment variable set, every other mistake is reported together.
        YamlLoader withVar = new YamlLoader(Map.of("MISSING_VAR", "k:9092")::get);
        ConfigException all = assertThrows(ConfigException.class, () -> AgentConfig.parse(withVar.parse(bad)));
        assertEquals(List.of(
                "agent.idd", "agent.id", "admin.port",
                "pipelines[0].origins[0].type", "pipelines[0].origins[1].chanel",
                "pipelines[0].format.mode",
                "pipelines[0].destination.bootstrap.servers", "pipelines[0].destination.producer.value.serializer",
                "pipelines[0].spool.when.full",
                "pipelines[1].origins",
                "pipelines[1].format.type"),
                all.problems().stream().map(ConfigException.Problem::key).toList(), all.getMessage());
    }

    @Test
    void unknownKeysNameTheSupportedKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(GOOD.replace("  dir:", "  directory:")));
        assertEquals(1, e.problems().size(), e.getMessage());
        String message = e.problems().get(0).message();
        assertTrue(message.contains("unknown key"), message);
        assertTrue(message.contains("[dir, max.bytes, segment.bytes, fsync, fsync.interval.ms, when.full]"), message);
        assertEquals(List.of("pipelines[0].spool.directory"), problemKeys(GOOD.replace("  dir:", "  directory:")));
        List<String> top = problemKeys(GOOD + "pipeline: []\n");
        assertEquals(List.of("pipeline"), top);
    }

    @Test
    void yamlSyntaxErrorsSayWhere() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("agent:\n  id: [unclosed\n"));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
        assertThrows(ConfigException.class, () -> parse("- just\n- a list\n"));
    }

    @Test
    void duplicatePipelineNamesAreRejected() {
        String twice = GOOD + GOOD.substring(GOOD.indexOf("  - name")).replace("id: in", "id: in2");
        assertEquals(List.of("pipelines[1].name"), problemKeys(twice));
    }
}
