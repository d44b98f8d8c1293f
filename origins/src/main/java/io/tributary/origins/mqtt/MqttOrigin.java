package io.tributary.origins.mqtt;

import io.tributary.origins.Ingest;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT subscriber: one Paho client with manual acknowledgements, kept connected for the origin's life.
 *
 * <p>Connection: connects to the broker URLs (failover in order), subscribes to the topic filters after every
 * connect (the broker may have lost the session), reconnects after a loss with a capped exponential backoff,
 * forever. {@link #start} fails only for what retrying cannot fix (credentials refused, TLS handshake,
 * subscription refused); an unreachable broker is retried in the background.
 *
 * <p>Acknowledgement: a message is acknowledged (PUBACK for QoS 1, PUBCOMP for QoS 2) only once the pipeline made
 * it durable, in order of arrival ({@link AckWindow}). When a message's stage fails, the connection is renewed so
 * the broker redelivers every unacknowledged message.
 *
 * <p>Threads: Paho's (receiving, callback), one control thread (connect, reconnect, renew) and one thread that
 * sends acknowledgements.
 */
public final class MqttOrigin implements Origin, MqttCallbackExtended {
    private static final Logger LOG = LoggerFactory.getLogger(MqttOrigin.class);
    /** Paho waits this long after sending DISCONNECT (it never learns that it was sent); plenty on a LAN. */
    private static final long CLOSE_DISCONNECT_MS = 100;

    private final MqttOriginConfig config;
    private final OriginContext context;
    private final MqttMetrics metrics;
    private final Backoff reconnectBackoff;
    private final ScheduledExecutorService control;
    private final ExecutorService ackThread;
    private final Object ackLock = new Object();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** The generation whose connection is being renewed after a failed stage (-1: none). */
    private final AtomicLong renewing = new AtomicLong(-1);
    private final AtomicBoolean reconnectScheduled = new AtomicBoolean();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final CompletableFuture<Throwable> firstOutcome = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile boolean everConnected;
    /** The connection was renewed after a failed stage: keep backing off until a message is acknowledged. */
    private volatile boolean failureBackoff;
    private volatile String connectedUri;
    private MqttAsyncClient client;
    private AckWindow window;
    private MessageHandler handler;

    MqttOrigin(MqttOriginConfig config, OriginContext context) {
        this.config = config;
        this.context = context;
        this.metrics = new MqttMetrics(context);
        this.reconnectBackoff = new Backoff(config.reconnectMinMs(), config.reconnectMaxMs());
        String name = "mqtt-" + context.originId();
        this.control = Executors.newSingleThreadScheduledExecutor(daemon(name + "-control"));
        this.ackThread = Executors.newSingleThreadExecutor(daemon(name + "-ack"));
    }

    @Override
    public void start(Ingest ingest) throws Exception {
        MqttClientPersistence persistence = config.persistenceDir() == null ? new MemoryPersistence()
                : new MqttDefaultFilePersistence(config.persistenceDir().toString());
        client = new MqttAsyncClient(config.brokerUrls().get(0), config.clientId(), persistence);
        client.setCallback(this);
        client.setManualAcks(true);
        window = new AckWindow(config.maxInflight(), ackThread, this::ack, metrics.inflight);
        handler = new MessageHandler(ingest, window, metrics, config.topicFields(), this::remoteAddress,
                () -> closed || !client.isConnected(), this::stageFailed);
        control.execute(this::connect);
        long waitS = (long) config.connectTimeoutS() * (config.brokerUrls().size() + 1);
        Throwable outcome;
        try {
            outcome = firstOutcome.get(waitS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            outcome = e;
        }
        if (outcome == null) return;
        if (ConnectFailures.permanent(outcome)) {
            throw new IllegalStateException("MQTT origin " + context.originId() + " cannot start: "
                    + ConnectFailures.describe(outcome), outcome);
        }
        LOG.warn("MQTT origin {}: not connected to {} yet ({}); retrying in the background", context.originId(),
                config.brokerUrls(), ConnectFailures.describe(outcome));
    }

    @Override
    public String describe() {
        return "mqtt " + String.join(",", config.brokerUrls()) + " topics " + config.topics() + " qos "
                + config.qos() + " client " + config.clientId();
    }

    private void connect() {
        reconnectScheduled.set(false);
        if (closed || client.isConnected()) return;
        try {
            client.connect(ConnectFailures.options(config), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete subscribes
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    connectFailed(failure);
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CONNECT_IN_PROGRESS
                    || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_CONNECTED) {
                return; // an attempt is already under way
            }
            connectFailed(e);
        }
    }

    private void connectFailed(Throwable failure) {
        if (closed) return;
        boolean first = !firstOutcome.isDone();
        if (first) firstOutcome.complete(failure);
        if (first && ConnectFailures.permanent(failure)) return; // start() fails
        int attempt = failedAttempts.incrementAndGet();
        if (attempt == 1 || attempt % 10 == 0) {
            LOG.warn("MQTT origin {}: cannot connect to {} ({} attempts so far, retrying): {}", context.originId(),
                    config.brokerUrls(), attempt, ConnectFailures.describe(failure));
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (closed || !reconnectScheduled.compareAndSet(false, true)) return;
        long delay = reconnectBackoff.next();
        try {
            control.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        if (closed) return;
        connectedUri = serverURI;
        if (everConnected) metrics.reconnects.increment();
        everConnected = true;
        String[] filters = config.topics().toArray(new String[0]);
        int[] qos = new int[filters.length];
        Arrays.fill(qos, config.qos());
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    subscribed(token.getGrantedQos());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    subscriptionFailed(failure);
                }
            });
        } catch (MqttException e) {
            subscriptionFailed(e);
        }
    }

    private void subscribed(int[] granted) {
        for (int g : granted == null ? new int[0] : granted) {
            if (g == 0x80) {
                subscriptionFailed(new MqttException(MqttException.REASON_CODE_SUBSCRIBE_FAILED));
                return;
            }
        }
        metrics.connected.set(1);
        failedAttempts.set(0);
        if (!failureBackoff) reconnectBackoff.reset();
        LOG.info("MQTT origin {}: subscribed to {} at {} (qos {}, clean session {})", context.originId(),
                config.topics(), connectedUri, config.qos(), config.cleanSession());
        firstOutcome.complete(null);
    }

    private void subscriptionFailed(Throwable failure) {
        LOG.error("MQTT origin {}: the broker refused the subscription to {}: {}", context.originId(),
                config.topics(), ConnectFailures.describe(failure));
        Throwable refused = failure instanceof MqttException ? failure
                : new MqttException(MqttException.REASON_CODE_SUBSCRIBE_FAILED, failure);
        boolean first = firstOutcome.complete(refused);
        if (!first) renew(window.generation(), failure);
    }

    @Override
    public void connectionLost(Throwable cause) {
        LOG.warn("MQTT origin {}: connection to {} lost: {}", context.originId(), connectedUri,
                ConnectFailures.describe(cause));
        disconnected();
        scheduleReconnect();
    }

    private void disconnected() {
        synchronized (ackLock) {
            window.connectionLost();
        }
        metrics.connected.set(0);
        connectedUri = null;
    }

    /** A QoS 1/2 message's stage failed: nothing after it can be acknowledged; have the broker redeliver. */
    private void stageFailed(AckWindow.Entry entry, Throwable failure) {
        long generation = entry.generation;
        if (generation != window.generation()) return; // that connection is already gone
        if (renewing.getAndSet(generation) == generation) return; // already being renewed
        LOG.warn("MQTT origin {}: message {} could not be made durable ({}); reconnecting so the broker "
                + "redelivers what is not acknowledged", context.originId(), entry.messageId, failure.toString());
        renew(entry.generation, failure);
    }

    private void renew(long generation, Throwable cause) {
        try {
            control.execute(() -> {
                if (closed || window.generation() != generation) return;
                try {
                    client.disconnectForcibly(0, CLOSE_DISCONNECT_MS);
                } catch (MqttException e) {
                    LOG.debug("MQTT origin {}: disconnect: {}", context.originId(), e.toString());
                }
                failureBackoff = true;
                disconnected();
                scheduleReconnect();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Runs on the ack thread, in order of arrival. */
    private void ack(AckWindow.Entry entry) {
        synchronized (ackLock) {
            if (closed) return;
            if (entry.generation != window.generation()) {
                metrics.staleCompletions.increment();
                return;
            }
            if (entry.qos == 0) return;
            try {
                client.messageArrivedComplete(entry.messageId, entry.qos);
                metrics.acked.increment();
            } catch (MqttException e) {
                LOG.debug("MQTT origin {}: cannot acknowledge message {}: {}", context.originId(), entry.messageId,
                        e.toString());
                return;
            }
        }
        if (failureBackoff) {
            failureBackoff = false;
            reconnectBackoff.reset();
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        handler.handle(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // this origin never publishes
    }

    private String remoteAddress() {
        String uri = connectedUri;
        return uri != null ? uri : client.getCurrentServerURI();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) return;
        synchronized (ackLock) {
            closed = true;
        }
        control.shutdownNow();
        if (client != null) {
            try {
                client.disconnectForcibly(0, CLOSE_DISCONNECT_MS);
            } catch (MqttException e) {
                LOG.debug("MQTT origin {}: disconnect: {}", context.originId(), e.toString());
            }
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("MQTT origin {}: close: {}", context.originId(), e.toString());
            }
        }
        ackThread.shutdownNow();
        metrics.connected.set(0);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
