package io.tributary.simulator.transport;

import io.tributary.config.Settings;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes each payload with Paho's asynchronous MQTT 3.1.1 client on a clean session. With QoS 1 or 2 the
 * broker's PUBACK / PUBCOMP counts as acknowledged; with QoS 0 a message is done once written. At most
 * {@code max.in.flight} messages await that. The client reconnects by itself; messages published while it is
 * disconnected count as failed.
 */
public final class MqttTransport implements Transport {
    private final String endpoint;
    private final String clientId;
    private final int qos;
    private final long blockMs;
    private final int maxInFlight;
    private final String username;
    private final String password;
    private final InFlight inFlight;
    private final TransportStats stats;
    private final IMqttActionListener listener = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            if (qos > 0) stats.acked.incrementAndGet();
            inFlight.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
            stats.fail(endpoint + ": " + error);
            inFlight.release();
        }
    };
    private MqttAsyncClient client;

    public MqttTransport(String group, Settings settings) {
        this.endpoint = settings.get(TransportOptions.MQTT_ENDPOINT);
        this.clientId = TransportOptions.expand(settings.get(TransportOptions.MQTT_CLIENT_ID), "", group, "", "");
        this.qos = settings.get(TransportOptions.MQTT_QOS);
        this.blockMs = settings.get(TransportOptions.BLOCK_MS);
        this.maxInFlight = settings.get(TransportOptions.MQTT_MAX_IN_FLIGHT);
        this.username = settings.get(TransportOptions.MQTT_USERNAME);
        this.password = settings.get(TransportOptions.MQTT_PASSWORD);
        this.inFlight = new InFlight(maxInFlight);
        this.stats = new TransportStats("mqtt", qos > 0);
    }

    @Override
    public void start() throws IOException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxInflight(maxInFlight);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) options.setUserName(username);
        if (password != null) options.setPassword(password.toCharArray());
        try {
            client = new MqttAsyncClient(endpoint, clientId, new MemoryPersistence());
            client.connect(options).waitForCompletion(15_000);
        } catch (MqttException e) {
            throw new IOException("cannot connect to the MQTT broker at " + endpoint + " as " + clientId + ": " + e, e);
        }
    }

    @Override
    public void send(Message m) {
        if (!inFlight.acquire(blockMs)) {
            stats.drop("no free in-flight slot within " + blockMs + " ms (max.in.flight)");
            return;
        }
        try {
            client.publish(m.target(), m.payload(), qos, false, null, listener);
            stats.sent(m.payload().length);
        } catch (MqttException e) {
            inFlight.release();
            stats.fail(endpoint + ": " + e);
        }
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close(Duration timeout) {
        inFlight.awaitIdle(timeout);
        if (client == null) return;
        try {
            if (client.isConnected()) client.disconnect(1000).waitForCompletion(2000);
        } catch (MqttException e) {
            stats.fail("disconnect: " + e);
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            stats.fail("close: " + e);
        }
    }
}
