package io.tributary.origins.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A Paho publisher for tests: clean session, waits for the broker's PUBACK/PUBCOMP on every publish. */
final class Publisher implements AutoCloseable {
    private final MqttClient client;

    Publisher(String url) throws MqttException {
        this(url, null, null);
    }

    Publisher(String url, String username, String password) throws MqttException {
        client = new MqttClient(url, "pub-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        if (username != null) options.setUserName(username);
        if (password != null) options.setPassword(password.toCharArray());
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
    }

    void publish(String topic, String body, int qos) throws MqttException {
        publish(topic, body, qos, false);
    }

    void publish(String topic, String body, int qos, boolean retained) throws MqttException {
        client.publish(topic, body.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    @Override
    public void close() throws MqttException {
        try {
            client.disconnect(1000);
        } finally {
            client.close();
        }
    }
}
