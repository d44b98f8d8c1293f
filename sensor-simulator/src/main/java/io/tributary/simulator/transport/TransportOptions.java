package io.tributary.simulator.transport;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declared options of every transport type, by type name. Endpoints, topics and URLs may hold the
 * placeholders {@code {sensor}}, {@code {group}}, {@code {mall}} and {@code {type}} (wifi or ble), filled in per
 * sensor.
 */
public final class TransportOptions {
    public static final List<String> TYPES = List.of("file", "http", "udp", "mqtt", "coap");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final List<String> PLACEHOLDERS = List.of("sensor", "group", "mall", "type");

    public static final Option<String> FILE_FRAMING = Option.choice("framing", "length_prefixed",
            "How payloads follow each other in the group's file: 'length_prefixed' (4-byte big-endian length, then "
                    + "the payload) or 'newline' (payload, then \\n; payloads holding a newline are refused).",
            "length_prefixed", "newline");
    public static final Option<String> FILE_DIRECTORY = Option.string("directory", "traffic",
            "Directory of the payload and index files, relative to the run's output directory.");

    public static final Option<String> HTTP_ENDPOINT = Option.string("endpoint", null,
            "URL to POST each payload to, e.g. http://127.0.0.1:8080/ingest/{sensor}.").required()
            .validate(v -> url(v, "http", "https"));
    public static final Option<String> CONTENT_TYPE = Option.string("content.type", null,
            "Content type sent with each payload; by default the format's (application/json, text/csv, "
                    + "avro/binary, application/x-protobuf).");
    public static final Option<String> HTTP_AUTH_TOKEN = Option.string("auth.token", null,
            "Bearer token sent in the Authorization header.");
    public static final Option<Integer> HTTP_MAX_IN_FLIGHT = Option.intValue("max.in.flight", 1024, 1, 1_000_000,
            "Payloads queued for the connections at most; more wait (see block.ms).");
    public static final Option<Integer> HTTP_CONNECTIONS = Option.intValue("connections", 8, 1, 256,
            "Keep-alive connections, each sending one request at a time.");
    public static final Option<Long> TIMEOUT_MS = Option.longValue("timeout.ms", 10_000, 1, 3_600_000,
            "How long to wait for a response before the message counts as failed.");
    public static final Option<Long> BLOCK_MS = Option.longValue("block.ms", 10_000, 0, 3_600_000,
            "How long the simulation waits for a free in-flight slot before the message counts as dropped.");

    public static final Option<String> UDP_ENDPOINT = Option.string("endpoint", null,
            "Where to send each payload as one datagram: udp://host:port.").required()
            .validate(v -> url(v, "udp"));

    public static final Option<String> MQTT_ENDPOINT = Option.string("endpoint", null,
            "The broker: tcp://host:port (or ssl://host:port).").required().validate(v -> url(v, "tcp", "ssl"));
    public static final Option<String> MQTT_TOPIC = Option.string("topic", "tributary/{mall}/{group}/{sensor}",
            "Topic of each payload.").validate(TransportOptions::template);
    public static final Option<Integer> MQTT_QOS = Option.intValue("qos", 1, 0, 2, "MQTT quality of service.");
    public static final Option<String> MQTT_CLIENT_ID = Option.string("client.id", "tributary-sim-{group}",
            "MQTT client id; must be unique per broker.").validate(TransportOptions::template);
    public static final Option<Integer> MQTT_MAX_IN_FLIGHT = Option.intValue("max.in.flight", 1000, 1, 65_535,
            "Messages awaiting their acknowledgement (QoS 1 and 2) or their write (QoS 0) at most.");
    public static final Option<String> MQTT_USERNAME = Option.string("username", null, "Broker user name.");
    public static final Option<String> MQTT_PASSWORD = Option.string("password", null, "Broker password.");

    public static final Option<String> COAP_ENDPOINT = Option.string("endpoint", null,
            "URI to POST each payload to, e.g. coap://127.0.0.1:5683/rssi.").required().validate(v -> url(v, "coap"));
    public static final Option<String> COAP_MESSAGE_TYPE = Option.choice("message.type", "con",
            "'con' (confirmable: retransmitted until acknowledged) or 'non' (non-confirmable).", "con", "non");
    public static final Option<Integer> COAP_MAX_IN_FLIGHT = Option.intValue("max.in.flight", 256, 1, 65_535,
            "Requests awaiting their response at most.");
    public static final Option<Integer> COAP_ENDPOINTS = Option.intValue("endpoints", 4, 1, 64,
            "Local UDP endpoints (source ports) to send from, in turn. A message id may not be reused within the "
                    + "exchange lifetime, so each endpoint carries at most about 56,000 requests per lifetime.");
    public static final Option<Long> COAP_EXCHANGE_LIFETIME_MS = Option.longValue("exchange.lifetime.ms", 10_000,
            1000, 300_000, "How long a message id stays unused after a request; must be at least the receiver's "
                    + "deduplication window (the agent's CoAP origin: exchange.lifetime.ms, 10 s by default), or the "
                    + "receiver may drop a new request as a duplicate of an old one.");

    private static final Map<String, OptionSet> BY_TYPE = Map.of(
            "file", OptionSet.of(FILE_FRAMING, FILE_DIRECTORY),
            "http", OptionSet.of(HTTP_ENDPOINT, CONTENT_TYPE, HTTP_AUTH_TOKEN, HTTP_CONNECTIONS, HTTP_MAX_IN_FLIGHT,
                    TIMEOUT_MS, BLOCK_MS),
            "udp", OptionSet.of(UDP_ENDPOINT),
            "mqtt", OptionSet.of(MQTT_ENDPOINT, MQTT_TOPIC, MQTT_QOS, MQTT_CLIENT_ID, MQTT_MAX_IN_FLIGHT,
                    MQTT_USERNAME, MQTT_PASSWORD, BLOCK_MS),
            "coap", OptionSet.of(COAP_ENDPOINT, COAP_MESSAGE_TYPE, CONTENT_TYPE, COAP_MAX_IN_FLIGHT, COAP_ENDPOINTS,
                    COAP_EXCHANGE_LIFETIME_MS, TIMEOUT_MS, BLOCK_MS));

    private TransportOptions() {
    }

    /** The options of transport {@code type}, or null when there is no such type. */
    public static OptionSet forType(String type) {
        return BY_TYPE.get(type);
    }

    /** {@code template} with every placeholder filled in. */
    public static String expand(String template, String sensor, String group, String mall, String type) {
        return template.replace("{sensor}", sensor).replace("{group}", group).replace("{mall}", mall)
                .replace("{type}", type);
    }

    private static String template(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return "unknown placeholder {" + m.group(1) + "}; known are " + PLACEHOLDERS;
            }
        }
        return null;
    }

    private static String url(String value, String... schemes) {
        String problem = template(value);
        if (problem != null) return problem;
        try {
            URI uri = URI.create(expand(value, "s", "g", "m", "wifi"));
            if (uri.getScheme() == null || !List.of(schemes).contains(uri.getScheme())) {
                return "must start with " + String.join(":// or ", schemes) + "://";
            }
            if (uri.getHost() == null) return "has no host";
            if (!schemes[0].equals("http") && !schemes[0].equals("coap") && uri.getPort() < 0) return "has no port";
            return null;
        } catch (IllegalArgumentException e) {
            return "is not a valid URI: " + e.getMessage();
        }
    }
}
