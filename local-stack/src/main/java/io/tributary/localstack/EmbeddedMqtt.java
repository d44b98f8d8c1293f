package io.tributary.localstack;

import java.io.IOException;
import java.util.Properties;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;

/**
 * An embedded MQTT 3.1.1 broker (Moquette) on 127.0.0.1: anonymous, in memory, plain TCP only.
 * Telemetry is always off (Moquette would otherwise contact outside hosts at start).
 */
final class EmbeddedMqtt {

    /** Moquette's default is 8092 bytes, too small for batched sensor payloads. */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private final int port;
    private Server server;

    EmbeddedMqtt(int port) {
        this.port = port;
    }

    String url() {
        return "tcp://" + ReadyLines.HOST + ":" + port;
    }

    Properties config() {
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, ReadyLines.HOST);
        p.setProperty(IConfig.PORT_PROPERTY_NAME, String.valueOf(port));
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        p.setProperty(BrokerConstants.METRICS_ENABLE_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.BUGSNAG_ENABLE_PROPERTY_NAME, "false");
        p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, String.valueOf(MAX_MESSAGE_BYTES));
        p.setProperty(IConfig.BUFFER_FLUSH_MS_PROPERTY_NAME, "immediate");
        return p;
    }

    void start() throws IOException {
        Server mqtt = new Server();
        server = mqtt;
        mqtt.startServer(new MemoryConfig(config()));
    }

    /**
     * Stops the broker, waiting at most {@code maxWaitMillis}. Moquette closes the listener and every connection
     * at once but then sits in Netty's 2 s graceful-shutdown quiet period; with nothing persisted, that wait buys
     * nothing, so the JVM may exit during it.
     */
    synchronized void stop(long maxWaitMillis) throws InterruptedException {
        Server mqtt = server;
        server = null;
        if (mqtt != null) {
            Thread stopper = new Thread(mqtt::stopServer, "local-stack-mqtt-stop");
            stopper.setDaemon(true);
            stopper.start();
            stopper.join(maxWaitMillis);
        }
    }
}
