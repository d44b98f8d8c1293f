package io.tributary.origins.mqtt;

import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Paho connect options from the origin's settings, and how to read a connection failure: which ones retrying
 * cannot fix (refused credentials or client id, TLS handshake, refused subscription), and a message naming the
 * reason.
 */
final class ConnectFailures {
    private ConnectFailures() {
    }

    static MqttConnectOptions options(MqttOriginConfig config) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setServerURIs(config.brokerUrls().toArray(new String[0]));
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(config.cleanSession());
        o.setKeepAliveInterval(config.keepAliveS());
        o.setConnectionTimeout(config.connectTimeoutS());
        o.setMaxInflight(config.maxInflight());
        o.setAutomaticReconnect(false); // the origin reconnects itself, with its own backoff, and resubscribes
        if (config.username() != null) o.setUserName(config.username());
        if (config.password() != null) o.setPassword(config.password().toCharArray());
        if (config.socketFactory() != null) o.setSocketFactory(config.socketFactory());
        o.setHttpsHostnameVerificationEnabled(config.verifyHostname());
        return o;
    }

    /** Whether retrying the same settings cannot succeed. */
    static boolean permanent(Throwable failure) {
        if (failure instanceof MqttException m) {
            switch (m.getReasonCode()) {
                case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION, MqttException.REASON_CODE_INVALID_CLIENT_ID,
                        MqttException.REASON_CODE_FAILED_AUTHENTICATION, MqttException.REASON_CODE_NOT_AUTHORIZED,
                        MqttException.REASON_CODE_SUBSCRIBE_FAILED, MqttException.REASON_CODE_SSL_CONFIG_ERROR -> {
                    return true;
                }
                default -> {
                    // look at the cause
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** The failure and its root cause, e.g. "Not authorized to connect (5)". */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (failure instanceof MqttException m && m.getReasonCode() == MqttException.REASON_CODE_CLIENT_EXCEPTION
                && root != failure) {
            return root.toString(); // Paho's own message is just "MqttException"
        }
        StringBuilder sb = new StringBuilder(String.valueOf(failure.getMessage()));
        if (failure instanceof MqttException m) sb.append(" (").append(m.getReasonCode()).append(')');
        if (root != failure) sb.append(": ").append(root);
        return sb.toString();
    }
}
