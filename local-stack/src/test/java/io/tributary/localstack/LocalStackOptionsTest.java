package io.tributary.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    @Test
    void defaults() {
        LocalStackOptions o = LocalStackOptions.parse();
        assertEquals(9092, o.kafkaPort);
        assertEquals(1883, o.mqttPort);
        assertEquals(0, o.controllerPort);
        assertTrue(o.kafka);
        assertTrue(o.mqtt);
        assertNull(o.dataDir);
        assertFalse(o.exitOnStdinEof);
    }

    @Test
    void parsesEveryOption() {
        LocalStackOptions o = LocalStackOptions.parse("--kafka-port", "0", "--mqtt-port=1884", "--controller-port",
                "9093", "--data-dir", "/tmp/x", "--topics", "a, b:3,", "--no-mqtt", "--exit-on-stdin-eof");
        assertEquals(0, o.kafkaPort);
        assertEquals(1884, o.mqttPort);
        assertEquals(9093, o.controllerPort);
        assertEquals(Path.of("/tmp/x"), o.dataDir);
        assertEquals(Map.of("a", 1, "b", 3), o.topics);
        assertFalse(o.mqtt);
        assertTrue(o.exitOnStdinEof);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalStackOptions.parse(
                "--kafka-port", "70000", "--topics", "ok,bad name,c:x", "--nope", "--mqtt-port"));
        String[] lines = e.getMessage().split("\n");
        assertEquals(5, lines.length, e.getMessage());
        assertTrue(lines[0].contains("'70000' for --kafka-port"));
        assertTrue(lines[1].contains("'bad name' for --topics"));
        assertTrue(lines[2].contains("'c:x' for --topics"));
        assertTrue(lines[3].contains("unknown option '--nope'"));
        assertTrue(lines[4].contains("--mqtt-port needs a value"));
    }

    @Test
    void topicsNeedKafka() {
        assertThrows(IllegalArgumentException.class, () -> LocalStackOptions.parse("--no-kafka", "--topics", "a"));
    }
}
