package io.tributary.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared stack, injected by the extension, as every module's integration tests would use it. */
@ExtendWith(LocalStackExtension.class)
@Timeout(120)
class SharedLocalStackIT {

    @Test
    void producesAndConsumesARecord(LocalStack stack) throws Exception {
        System.out.println("shared local stack: Kafka ready " + stack.kafkaStartup().toMillis() + " ms after launch");
        KafkaTestClients.produce(stack.bootstrapServers(), "it-round-trip", "sensor-1", "{\"rssi\":-61}");

        List<String> values = KafkaTestClients.values(
                KafkaTestClients.consume(stack.bootstrapServers(), "it-round-trip", 1, Duration.ofSeconds(30)));

        assertEquals(List.of("{\"rssi\":-61}"), values);
    }

    @Test
    void publishesAndSubscribesOverMqtt(LocalStack stack) throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
        MqttClient subscriber = new MqttClient(stack.mqttUrl(), "it-sub", new MemoryPersistence());
        MqttClient publisher = new MqttClient(stack.mqttUrl(), "it-pub", new MemoryPersistence());
        try {
            subscriber.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            subscriber.setTimeToWait(10_000);
            publisher.setTimeToWait(10_000);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            subscriber.connect(options);
            subscriber.subscribe("mall/+/rssi", 1);
            publisher.connect(options);

            publisher.publish("mall/s1/rssi", "-61".getBytes(StandardCharsets.UTF_8), 1, false);

            assertEquals("mall/s1/rssi -61", received.poll(10, TimeUnit.SECONDS));
        } finally {
            disconnect(publisher);
            disconnect(subscriber);
        }
    }

    /**
     * Payloads up to {@link EmbeddedMqtt#MAX_MESSAGE_BYTES} pass (Moquette's default limit is 8 KB). Publisher and
     * subscriber are separate connections: Moquette 0.17 stalls a connection that receives its own QoS 1
     * publish when the payload exceeds Netty's 64 KB write-buffer mark (see docs/local-stack.md).
     */
    @Test
    void largeMqttPayloadsPassAndEmptyClientIdsAreAccepted(LocalStack stack) throws Exception {
        BlockingQueue<Integer> sizes = new ArrayBlockingQueue<>(1);
        MqttClient subscriber = new MqttClient(stack.mqttUrl(), "", new MemoryPersistence()); // as mosquitto_sub
        MqttClient publisher = new MqttClient(stack.mqttUrl(), "it-big-pub", new MemoryPersistence());
        try {
            subscriber.setTimeToWait(10_000);
            publisher.setTimeToWait(10_000);
            subscriber.connect();
            subscriber.subscribe("big", 1, (topic, message) -> sizes.add(message.getPayload().length));
            publisher.connect();

            publisher.publish("big", new byte[200_000], 1, false);

            assertEquals(200_000, sizes.poll(10, TimeUnit.SECONDS));
        } finally {
            disconnect(publisher);
            disconnect(subscriber);
        }
    }

    @Test
    void isSharedAndProtectedFromFaultTests(LocalStack stack) {
        assertSame(LocalStack.shared(), stack);
        assertThrows(IllegalStateException.class, stack::stopKafka);
        assertThrows(IllegalStateException.class, stack::killKafka);
        stack.close(); // a no-op: other tests keep using it
        assertTrue(stack.isKafkaRunning());
        assertTrue(stack.mqttProcess().isPresent());
    }

    private static void disconnect(MqttClient client) throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
