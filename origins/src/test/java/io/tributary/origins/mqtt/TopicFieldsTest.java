package io.tributary.origins.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicFieldsTest {
    private static Map<String, String> extract(String pattern, String topic) {
        Map<String, String> attributes = new HashMap<>();
        TopicFields.parse(pattern).extract(topic, attributes);
        return attributes;
    }

    @Test
    void namedLevelsBecomeAttributes() {
        assertEquals(Map.of("mqtt.topic.mall", "7", "mqtt.topic.sensor", "s-12"),
                extract("mall/{mall}/sensor/{sensor}", "mall/7/sensor/s-12"));
    }

    @Test
    void plusSkipsALevelAndAFinalHashTheRest() {
        assertEquals(Map.of("mqtt.topic.id", "x"), extract("+/dev/{id}/#", "site1/dev/x/a/b"));
        assertEquals(Map.of("mqtt.topic.id", "x"), extract("+/dev/{id}/#", "site1/dev/x"));
        assertEquals(Map.of("mqtt.topic.id", ""), extract("dev/{id}", "dev/"));
    }

    @Test
    void aTopicThatDoesNotMatchGetsNothing() {
        assertTrue(extract("mall/{mall}/sensor/{sensor}", "mall/7/gateway/g").isEmpty());
        assertTrue(extract("mall/{mall}/sensor/{sensor}", "mall/7/sensor").isEmpty());
        assertTrue(extract("mall/{mall}/sensor/{sensor}", "mall/7/sensor/s/extra").isEmpty());
        assertTrue(extract("mall/{mall}", "malls/7").isEmpty());
        assertTrue(extract("mall/{mall}", "mal/7").isEmpty());
    }

    @Test
    void badPatternsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> TopicFields.parse("a/b"), "names no level");
        assertThrows(IllegalArgumentException.class, () -> TopicFields.parse("a/#/{x}"));
        assertThrows(IllegalArgumentException.class, () -> TopicFields.parse("{x}/{x}"));
        assertThrows(IllegalArgumentException.class, () -> TopicFields.parse("{x y}"));
        assertThrows(IllegalArgumentException.class, () -> TopicFields.parse("a{x}"));
    }
}
