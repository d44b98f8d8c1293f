package io.tributary.origins.mqtt;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import java.util.List;

/**
 * The {@code mqtt} origin: subscribes to topic filters on an MQTT 3.1.1 broker (Eclipse Paho) and acknowledges
 * each message (PUBACK / PUBCOMP) only once what it carried is durable, in order of arrival.
 *
 * <p>Stable API since 0.1 (the option names). Stateless and thread-safe.
 */
public final class MqttOriginType implements OriginType {
    public static final Option<List<String>> BROKER_URLS = Option.list("broker.urls", null,
            "Broker URLs, tcp://host:port or ssl://host:port; more than one means failover, tried in order.")
            .required();
    public static final Option<List<String>> TOPICS = Option.list("topics", null,
            "Topic filters to subscribe to; + matches one level, # the rest (e.g. mall/+/rssi, mall/#).")
            .required();
    public static final Option<Integer> QOS = Option.intValue("qos", 1, 0, 2,
            "Subscription QoS: 0 (no acknowledgement, a failure loses the message), 1 or 2 (acknowledged once durable).");
    public static final Option<String> CLIENT_ID = Option.string("client.id", null,
            "MQTT client id; default tributary-<agent id>-<origin id>. Keep it stable: the broker keeps a persistent "
                    + "session (subscriptions, unacknowledged messages) under it.");
    public static final Option<Boolean> CLEAN_SESSION = Option.bool("clean.session", false,
            "Start a new session on every connect. Default: false when qos >= 1 (the broker keeps messages while we "
                    + "are away or back-pressured), true for qos 0.");
    public static final Option<String> USERNAME = Option.string("username", null, "User name for the broker.");
    public static final Option<String> PASSWORD = Option.string("password", null,
            "Password for the broker (needs username).");
    public static final Option<String> TLS_TRUSTSTORE_FILE = Option.string("tls.truststore.file", null,
            "Trust store (PKCS12 or JKS) with the CA certificates that sign the broker's certificate; for ssl:// "
                    + "URLs. Default: the JVM's trusted CAs.");
    public static final Option<String> TLS_TRUSTSTORE_PASSWORD = Option.string("tls.truststore.password", null,
            "Password of tls.truststore.file.");
    public static final Option<String> TLS_CA_FILE = Option.string("tls.ca.file", null,
            "PEM file with the CA certificate(s) that sign the broker's certificate (instead of tls.truststore.file).");
    public static final Option<String> TLS_KEYSTORE_FILE = Option.string("tls.keystore.file", null,
            "Key store (PKCS12 or JKS) with this client's private key and certificate, for mutual TLS.");
    public static final Option<String> TLS_KEYSTORE_PASSWORD = Option.string("tls.keystore.password", null,
            "Password of tls.keystore.file and of the key in it.");
    public static final Option<Boolean> TLS_VERIFY_HOSTNAME = Option.bool("tls.verify.hostname", true,
            "Check that the broker's certificate names the host of the URL (DNS name or IP address).");
    public static final Option<Integer> KEEPALIVE_S = Option.intValue("keepalive.s", 60, 0, 65_535,
            "MQTT keep-alive interval in seconds (0: none).");
    public static final Option<Integer> CONNECT_TIMEOUT_S = Option.intValue("connect.timeout.s", 10, 1, 600,
            "How long one connection attempt may take, in seconds.");
    public static final Option<Long> RECONNECT_MIN_MS = Option.longValue("reconnect.min.ms", 500, 10, 3_600_000,
            "First delay before reconnecting after the connection was lost or refused; doubles on every failed "
                    + "attempt up to reconnect.max.ms. Reconnecting never gives up.");
    public static final Option<Long> RECONNECT_MAX_MS = Option.longValue("reconnect.max.ms", 30_000, 10, 3_600_000,
            "Longest delay between reconnection attempts.");
    public static final Option<Integer> MAX_INFLIGHT = Option.intValue("max.inflight", 1_000, 1, 65_535,
            "Messages handed to the pipeline but not yet durable (so not yet acknowledged); when reached, the origin "
                    + "stops taking messages until the oldest completes. Also Paho's max inflight window.");
    public static final Option<String> TOPIC_FIELDS = Option.string("topic.fields", null,
            "Pattern naming topic levels, e.g. mall/{mall}/sensor/{sensor}: each {name} level of a matching topic "
                    + "becomes the attribute mqtt.topic.<name>; + skips a level, a final # the rest.");
    public static final Option<String> PERSISTENCE_DIR = Option.string("persistence.dir", null,
            "Directory where Paho keeps QoS 2 messages received but not yet completed, so they survive an agent "
                    + "restart. Default: in memory (the broker still keeps unacknowledged messages).");

    private static final OptionSet OPTIONS = OptionSet.of(BROKER_URLS, TOPICS, QOS, CLIENT_ID, CLEAN_SESSION,
            USERNAME, PASSWORD, TLS_TRUSTSTORE_FILE, TLS_TRUSTSTORE_PASSWORD, TLS_CA_FILE, TLS_KEYSTORE_FILE,
            TLS_KEYSTORE_PASSWORD, TLS_VERIFY_HOSTNAME, KEEPALIVE_S, CONNECT_TIMEOUT_S, RECONNECT_MIN_MS,
            RECONNECT_MAX_MS, MAX_INFLIGHT, TOPIC_FIELDS, PERSISTENCE_DIR);

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public String description() {
        return "Subscribes to MQTT topics (Paho, MQTT 3.1.1, TLS/mTLS); acknowledges messages once durable, in order.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Origin create(Settings settings, OriginContext context) {
        return new MqttOrigin(MqttOriginConfig.from(settings, context), context);
    }
}
