package io.tributary.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fault operations on a private stack: Kafka comes back on the same port with its data. */
@Timeout(180)
class KafkaRestartIT {

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.builder().mqtt(false).topics("restart-graceful:2", "restart-kill").start();
        System.out.println("private local stack (Kafka only, 2 topics): ready " + stack.kafkaStartup().toMillis()
                + " ms after launch");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void recordsSurviveAGracefulRestartAndClientsReconnect() throws Exception {
        String bootstrap = stack.bootstrapServers();
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(bootstrap)) {
            producer.send(new ProducerRecord<>("restart-graceful", "k", "before")).get(30, TimeUnit.SECONDS);

            stack.stopKafka();
            assertFalse(stack.isKafkaRunning());
            assertFalse(listening(stack.kafkaPort()), "nothing listens on the Kafka port while it is stopped");

            stack.startKafka();
            System.out.println("Kafka restart (graceful stop before): ready " + stack.kafkaStartup().toMillis()
                    + " ms after launch");
            assertEquals(bootstrap, stack.bootstrapServers());
            // the producer made before the restart reconnects by itself
            producer.send(new ProducerRecord<>("restart-graceful", "k", "after")).get(30, TimeUnit.SECONDS);
        }

        List<String> values = KafkaTestClients.values(
                KafkaTestClients.consume(bootstrap, "restart-graceful", 2, Duration.ofSeconds(30)));

        assertEquals(List.of("before", "after"), values);
    }

    @Test
    void acknowledgedRecordsSurviveAKill() throws Exception {
        KafkaTestClients.produce(stack.bootstrapServers(), "restart-kill", "k", "acked");
        long pid = stack.kafkaProcess().orElseThrow().pid();

        stack.killKafka();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThrows(IllegalStateException.class, () -> {
            stack.startKafka();
            stack.startKafka(); // the second call finds it running
        });
        System.out.println("Kafka restart (after SIGKILL): ready " + stack.kafkaStartup().toMillis()
                + " ms after launch");
        assertTrue(stack.isKafkaRunning());

        List<String> values = KafkaTestClients.values(
                KafkaTestClients.consume(stack.bootstrapServers(), "restart-kill", 1, Duration.ofSeconds(30)));

        assertEquals(List.of("acked"), values);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ReadyLines.HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
