package io.tributary.agent.config;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a pipeline's records go: a Kafka topic keyed by the record key, and an error topic.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param topic the records topic (values in the wire format)
 * @param errorTopic the error topic (raw payload bytes as values, the error in headers)
 * @param keyField a field path whose value becomes the record key, or null to keep the key processors set
 * @param producer Kafka producer properties, the safe defaults overlaid by the file's {@code producer} map
 */
public record DestinationConfig(String bootstrapServers, String topic, String errorTopic, String keyField,
        Map<String, String> producer) {
    public static final Option<String> BOOTSTRAP_SERVERS = Option.string("bootstrap.servers", null,
            "Kafka bootstrap servers, host:port[,host:port...].").required();
    public static final Option<String> TOPIC = Option.string("topic", null,
            "Topic for the records, in the wire format.").required();
    public static final Option<String> ERROR_TOPIC = Option.string("error.topic", null,
            "Topic for error records (raw payload as value; code, message, stage, source, agent id and received"
                    + " time as headers). Default: <topic>.errors.");
    public static final Option<String> KEY_FIELD = Option.string("key.field", null,
            "Field path (e.g. /sensor_id) whose value becomes the record key, the Kafka key; records without it"
                    + " keep the key processors set, or none.");
    public static final OptionSet OPTIONS = OptionSet.of(BOOTSTRAP_SERVERS, TOPIC, ERROR_TOPIC, KEY_FIELD);
    static final String PRODUCER = "producer";

    /** Producer settings applied under the file's: durable, ordered, compressed, batched. */
    public static final Map<String, String> PRODUCER_DEFAULTS = Map.of(
            "acks", "all",
            "enable.idempotence", "true",
            "max.in.flight.requests.per.connection", "5",
            "compression.type", "lz4",
            "linger.ms", "5",
            "batch.size", "65536",
            "max.block.ms", "2000",
            "request.timeout.ms", "5000",
            "delivery.timeout.ms", "15000");
    private static final List<String> FORCED = List.of("key.serializer", "value.serializer", "bootstrap.servers");

    static DestinationConfig parse(Section section) {
        Settings s = section.settings(OPTIONS, List.of(PRODUCER));
        Map<String, String> overrides = section.properties(PRODUCER);
        for (String forced : FORCED) {
            if (overrides.containsKey(forced)) {
                section.problem(PRODUCER + "." + forced, "is set by the agent and cannot be overridden");
            }
        }
        if (s == null) return null;
        Map<String, String> producer = new LinkedHashMap<>(PRODUCER_DEFAULTS);
        producer.putAll(overrides);
        String errorTopic = s.get(ERROR_TOPIC) == null ? s.get(TOPIC) + ".errors" : s.get(ERROR_TOPIC);
        return new DestinationConfig(s.get(BOOTSTRAP_SERVERS), s.get(TOPIC), errorTopic, s.get(KEY_FIELD),
                Map.copyOf(producer));
    }
}
