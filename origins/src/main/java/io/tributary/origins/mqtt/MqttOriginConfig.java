package io.tributary.origins.mqtt;

import static io.tributary.origins.mqtt.MqttOriginType.BROKER_URLS;
import static io.tributary.origins.mqtt.MqttOriginType.CLEAN_SESSION;
import static io.tributary.origins.mqtt.MqttOriginType.CLIENT_ID;
import static io.tributary.origins.mqtt.MqttOriginType.CONNECT_TIMEOUT_S;
import static io.tributary.origins.mqtt.MqttOriginType.KEEPALIVE_S;
import static io.tributary.origins.mqtt.MqttOriginType.MAX_INFLIGHT;
import static io.tributary.origins.mqtt.MqttOriginType.PASSWORD;
import static io.tributary.origins.mqtt.MqttOriginType.PERSISTENCE_DIR;
import static io.tributary.origins.mqtt.MqttOriginType.QOS;
import static io.tributary.origins.mqtt.MqttOriginType.RECONNECT_MAX_MS;
import static io.tributary.origins.mqtt.MqttOriginType.RECONNECT_MIN_MS;
import static io.tributary.origins.mqtt.MqttOriginType.TLS_CA_FILE;
import static io.tributary.origins.mqtt.MqttOriginType.TLS_KEYSTORE_FILE;
import static io.tributary.origins.mqtt.MqttOriginType.TLS_KEYSTORE_PASSWORD;
import static io.tributary.origins.mqtt.MqttOriginType.TLS_TRUSTSTORE_FILE;
import static io.tributary.origins.mqtt.MqttOriginType.TLS_TRUSTSTORE_PASSWORD;
import static io.tributary.origins.mqtt.MqttOriginType.TLS_VERIFY_HOSTNAME;
import static io.tributary.origins.mqtt.MqttOriginType.TOPICS;
import static io.tributary.origins.mqtt.MqttOriginType.TOPIC_FIELDS;
import static io.tributary.origins.mqtt.MqttOriginType.USERNAME;

import io.tributary.config.ConfigException;
import io.tributary.config.ConfigException.Problem;
import io.tributary.config.Settings;
import io.tributary.origins.OriginContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttTopic;

/**
 * The validated settings of one MQTT origin. {@link #from} checks everything at once and reports every problem
 * by key (URL schemes, topic filters, TLS files that cannot be read, a password without a user name...).
 *
 * @param socketFactory TLS socket factory built from the TLS files, or null (JVM defaults for ssl:// URLs)
 * @param topicFields topic level names, or null
 * @param persistenceDir where Paho keeps QoS 2 state, or null (in memory)
 */
record MqttOriginConfig(List<String> brokerUrls, List<String> topics, int qos, String clientId,
        boolean cleanSession, String username, String password, SSLSocketFactory socketFactory,
        boolean verifyHostname, int keepAliveS, int connectTimeoutS, long reconnectMinMs, long reconnectMaxMs,
        int maxInflight, TopicFields topicFields, Path persistenceDir) {

    static MqttOriginConfig from(Settings s, OriginContext context) {
        List<Problem> problems = new ArrayList<>();
        List<String> urls = s.get(BROKER_URLS);
        boolean anySsl = false;
        if (urls.isEmpty()) problems.add(new Problem(BROKER_URLS.name(), "needs at least one URL"));
        for (String url : urls) {
            String scheme = checkUrl(url, problems);
            anySsl |= "ssl".equals(scheme);
        }
        List<String> topics = s.get(TOPICS);
        if (topics.isEmpty()) problems.add(new Problem(TOPICS.name(), "needs at least one topic filter"));
        for (String topic : topics) {
            try {
                MqttTopic.validate(topic, true);
            } catch (IllegalArgumentException | IllegalStateException e) {
                problems.add(new Problem(TOPICS.name(), "invalid topic filter '" + topic + "': " + e.getMessage()));
            }
        }
        int qos = s.get(QOS);
        boolean clean = s.isSet(CLEAN_SESSION) ? s.get(CLEAN_SESSION) : qos == 0;
        String clientId = s.get(CLIENT_ID) != null ? s.get(CLIENT_ID)
                : "tributary-" + context.agentId() + "-" + context.originId();
        if (clientId.isEmpty()) problems.add(new Problem(CLIENT_ID.name(), "must not be empty"));
        if (s.get(PASSWORD) != null && s.get(USERNAME) == null) {
            problems.add(new Problem(PASSWORD.name(), "needs username (MQTT 3.1.1 sends a password only with a user name)"));
        }
        if (s.get(RECONNECT_MIN_MS) > s.get(RECONNECT_MAX_MS)) {
            problems.add(new Problem(RECONNECT_MIN_MS.name(), "is " + s.get(RECONNECT_MIN_MS)
                    + ", more than reconnect.max.ms (" + s.get(RECONNECT_MAX_MS) + ")"));
        }
        TopicFields fields = null;
        if (s.get(TOPIC_FIELDS) != null) {
            try {
                fields = TopicFields.parse(s.get(TOPIC_FIELDS));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(TOPIC_FIELDS.name(), "invalid pattern '" + s.get(TOPIC_FIELDS) + "': "
                        + e.getMessage()));
            }
        }
        Path persistence = null;
        if (s.get(PERSISTENCE_DIR) != null) {
            persistence = Path.of(s.get(PERSISTENCE_DIR));
            if (Files.exists(persistence) && !Files.isDirectory(persistence)) {
                problems.add(new Problem(PERSISTENCE_DIR.name(), "'" + persistence + "' is not a directory"));
            }
        }
        SSLSocketFactory socketFactory = tls(s, anySsl, problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new MqttOriginConfig(urls, topics, qos, clientId, clean, s.get(USERNAME), s.get(PASSWORD),
                socketFactory, s.get(TLS_VERIFY_HOSTNAME), s.get(KEEPALIVE_S), s.get(CONNECT_TIMEOUT_S),
                s.get(RECONNECT_MIN_MS), s.get(RECONNECT_MAX_MS), s.get(MAX_INFLIGHT), fields, persistence);
    }

    private static SSLSocketFactory tls(Settings s, boolean anySsl, List<Problem> problems) {
        MqttTls.TlsFiles files = new MqttTls.TlsFiles(s.get(TLS_TRUSTSTORE_FILE), s.get(TLS_TRUSTSTORE_PASSWORD),
                s.get(TLS_CA_FILE), s.get(TLS_KEYSTORE_FILE), s.get(TLS_KEYSTORE_PASSWORD));
        int before = problems.size();
        if (files.truststoreFile() != null && files.caFile() != null) {
            problems.add(new Problem(TLS_CA_FILE.name(), "give either tls.ca.file or tls.truststore.file, not both"));
        }
        if (files.truststorePassword() != null && files.truststoreFile() == null) {
            problems.add(new Problem(TLS_TRUSTSTORE_PASSWORD.name(), "is set but tls.truststore.file is not"));
        }
        if (files.keystorePassword() != null && files.keystoreFile() == null) {
            problems.add(new Problem(TLS_KEYSTORE_PASSWORD.name(), "is set but tls.keystore.file is not"));
        }
        if (files.any() && !anySsl) {
            problems.add(new Problem(BROKER_URLS.name(), "TLS files are configured but no URL is ssl://"));
        }
        if (problems.size() > before) return null;
        return MqttTls.socketFactory(files, problems);
    }

    /** The URL's scheme in lower case, or null after adding a problem. */
    private static String checkUrl(String url, List<Problem> problems) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"tcp".equals(scheme) && !"ssl".equals(scheme)) {
                problems.add(new Problem(BROKER_URLS.name(), "'" + url + "' must start with tcp:// or ssl://"));
                return null;
            }
            if (uri.getHost() == null) {
                problems.add(new Problem(BROKER_URLS.name(), "'" + url + "' names no host"));
                return null;
            }
            if (uri.getPath() != null && !uri.getPath().isEmpty() || uri.getUserInfo() != null) {
                problems.add(new Problem(BROKER_URLS.name(), "'" + url
                        + "' must be scheme://host[:port] (credentials go in username/password)"));
                return null;
            }
            return scheme;
        } catch (URISyntaxException e) {
            problems.add(new Problem(BROKER_URLS.name(), "'" + url + "' is not a URL: " + e.getMessage()));
            return null;
        }
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "MqttOriginConfig[" + brokerUrls + " " + topics + " qos " + qos + " as " + clientId + "]";
    }
}
