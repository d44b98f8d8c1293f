package io.tributary.cloud;

import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result sink: {@code kafka} (topic, format wire|json; the record key becomes the Kafka key), {@code file}
 * (JSON lines under {@code path/date=YYYY-MM-DD/hour=HH/}, one file per batch and partition, so a replayed batch
 * overwrites its files) or {@code console} (the first {@code max.records} of each batch).
 */
public final class SinkConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Option<String> TYPE = Option.choice("type", null, "sink type", "kafka", "file", "console")
            .required();
    public static final Option<String> NAME = Option.string("name", "", "sink name for logs (default: the type)");
    public static final Option<String> TOPIC = Option.string("topic", null, "kafka: the topic").required();
    public static final Option<String> FORMAT = Option.choice("format", "wire",
            "kafka: record encoding (wire = io.tributary.wire.WireCodec, json = one JSON object)", "wire", "json");
    public static final Option<String> PATH = Option.string("path", null,
            "file: base directory (local or shared file system)").required();
    public static final Option<Integer> MAX_RECORDS = Option.intValue("max.records", 20, 1, 1_000_000,
            "console: records printed per batch");

    static final Map<String, OptionSet> BY_TYPE = Map.of(
            "kafka", OptionSet.of(TYPE, NAME, TOPIC, FORMAT),
            "file", OptionSet.of(TYPE, NAME, PATH),
            "console", OptionSet.of(TYPE, NAME, MAX_RECORDS));

    private final String type;
    private final String name;
    private final Map<String, Object> values;

    private SinkConfig(String type, String name, Map<String, Object> values) {
        this.type = type;
        this.name = name;
        this.values = values;
    }

    public static SinkConfig parse(Map<String, ?> raw) {
        Object t = raw.get("type");
        String type;
        try {
            type = t == null ? null : TYPE.parse(t);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("type", "invalid value '" + t + "': " + e.getMessage());
        }
        if (type == null) throw new ConfigException("type", "is required: one of [kafka, file, console]");
        OptionSet set = BY_TYPE.get(type);
        Settings s = set.parse(raw);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Option<?> o : set.options()) {
            Object v = s.get(o);
            if (v != null && o != NAME && o != TYPE) values.put(o.name(), v);
        }
        String name = s.get(NAME).isBlank() ? type : s.get(NAME);
        return new SinkConfig(type, name, values);
    }

    public static SinkConfig kafka(String topic, String format) {
        return parse(Map.of("type", "kafka", "topic", topic, "format", format));
    }

    public static SinkConfig file(String path) {
        return parse(Map.of("type", "file", "path", path));
    }

    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String topic() {
        return (String) values.get(TOPIC.name());
    }

    public String format() {
        return (String) values.get(FORMAT.name());
    }

    public String path() {
        return (String) values.get(PATH.name());
    }

    public int maxRecords() {
        return (Integer) values.get(MAX_RECORDS.name());
    }

    @Override
    public String toString() {
        return name + values;
    }

    static List<String> types() {
        return List.of("kafka", "file", "console");
    }
}
