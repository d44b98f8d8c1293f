package io.tributary.simulator.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Debian's mosquitto as a child process on a free loopback port (queues unbounded, so a slow subscriber loses
 * nothing), with a Paho subscriber on {@code tributary/#} that records what arrives.
 */
public final class Mosquitto implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;
    private MqttClient subscriber;
    public final Received received;

    public Mosquitto(boolean keep) throws IOException, InterruptedException {
        received = new Received(keep);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        dir = Files.createTempDirectory("mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\n"
                + "max_inflight_messages 0\npersistence false\nlog_type error\n");
        process = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException e) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IOException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
                }
                Thread.sleep(20);
            }
        }
    }

    /** Available: the mosquitto binary is installed. */
    public static boolean installed() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, "mosquitto"))) return true;
        }
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto"));
    }

    public String endpoint() {
        return "tcp://127.0.0.1:" + port;
    }

    /** CPU seconds the broker process has used so far. */
    public double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** Subscribes to {@code tributary/#} with {@code qos}. */
    public void subscribe(int qos) throws MqttException {
        subscriber = new MqttClient(endpoint(), "test-subscriber", new MemoryPersistence());
        subscriber.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(65_535);
        subscriber.connect(options);
        subscriber.subscribe("tributary/#", qos);
    }

    @Override
    public void close() throws IOException {
        if (subscriber != null) {
            try {
                subscriber.disconnect(1000);
            } catch (MqttException ignored) {
                // the broker goes next anyway
            }
            try {
                subscriber.close(true);
            } catch (MqttException e) {
                throw new IOException(e);
            }
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }
}
