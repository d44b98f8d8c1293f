package io.tributary.origins.mqtt;

import io.tributary.origins.BackPressureException;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one arrived message to the pipeline, on Paho's callback thread, in order of arrival.
 *
 * <p>Back-pressure: while the pipeline refuses a message, this thread waits and offers the same payload again
 * (backing off from 10 ms up to the pipeline's retry-after hint). Blocking Paho's callback thread is what stops
 * the client reading from the socket (after Paho's 10-message inbound queue): the broker keeps the rest in the
 * session. Nothing is acknowledged meanwhile. If the connection goes away while waiting, the message is given up
 * unacknowledged (the broker redelivers it; a QoS 0 message is counted as dropped).
 *
 * <p>A message accepted by the pipeline takes a place in the {@link AckWindow}; when its stage fails later
 * (Kafka and spool both unavailable...), {@code onFailure} is told so the origin renews the connection and the
 * broker redelivers everything not acknowledged.
 */
final class MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);
    private static final long FIRST_RETRY_MS = 10;
    private static final long DEFAULT_RETRY_AFTER_MS = 1_000;
    private static final long POLL_MS = 50;

    private final Ingest ingest;
    private final AckWindow window;
    private final MqttMetrics metrics;
    private final TopicFields topicFields;
    private final Supplier<String> remoteAddress;
    private final BooleanSupplier gone;
    private final BiConsumer<AckWindow.Entry, Throwable> onFailure;

    /**
     * @param remoteAddress the broker URI the client is connected to
     * @param gone whether the connection went away or the origin is closing (polled while waiting)
     * @param onFailure a QoS 1/2 message's stage failed: it will not be acknowledged
     */
    MessageHandler(Ingest ingest, AckWindow window, MqttMetrics metrics, TopicFields topicFields,
            Supplier<String> remoteAddress, BooleanSupplier gone, BiConsumer<AckWindow.Entry, Throwable> onFailure) {
        this.ingest = ingest;
        this.window = window;
        this.metrics = metrics;
        this.topicFields = topicFields;
        this.remoteAddress = remoteAddress;
        this.gone = gone;
        this.onFailure = onFailure;
    }

    void handle(String topic, MqttMessage message) {
        byte[] body = message.getPayload();
        metrics.received.increment();
        metrics.bytes.increment(body.length);
        if (message.isDuplicate()) metrics.redeliveries.increment();
        Payload payload = payload(topic, message, body);
        int qos = message.getQos();
        AckWindow.Entry entry;
        try {
            entry = window.reserve(message.getId(), qos, gone, metrics.waitsInflight::increment);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entry = null;
        }
        if (entry == null) {
            givenUp(qos);
            return;
        }
        offer(payload, entry);
    }

    /** Submits until the pipeline takes the payload, or gives it up when the connection goes away. */
    private void offer(Payload payload, AckWindow.Entry entry) {
        long backoffMs = FIRST_RETRY_MS;
        boolean counted = false;
        while (true) {
            CompletionStage<IngestResult> stage = submit(payload);
            BackPressureException refused = refusedAtOnce(stage);
            if (refused == null) {
                stage.whenComplete((result, failure) -> completed(entry, result, failure));
                return;
            }
            if (!counted) {
                metrics.waitsPipeline.increment();
                counted = true;
            }
            Duration hint = refused.retryAfter();
            long cap = hint == null || hint.isZero() || hint.isNegative() ? DEFAULT_RETRY_AFTER_MS : hint.toMillis();
            if (!pause(Math.min(backoffMs, cap))) {
                window.cancel(entry);
                givenUp(entry.qos);
                return;
            }
            backoffMs = Math.min(backoffMs * 2, cap);
        }
    }

    private Payload payload(String topic, MqttMessage message, byte[] body) {
        Map<String, String> attributes = new HashMap<>(16);
        attributes.put("mqtt.topic", topic);
        attributes.put("mqtt.qos", Integer.toString(message.getQos()));
        attributes.put("mqtt.retained", Boolean.toString(message.isRetained()));
        attributes.put("mqtt.duplicate", Boolean.toString(message.isDuplicate()));
        String remote = remoteAddress.get();
        if (remote != null) attributes.put("remote.address", remote);
        if (topicFields != null) topicFields.extract(topic, attributes);
        return new Payload(body, "mqtt:" + topic, null, attributes, Instant.now());
    }

    private CompletionStage<IngestResult> submit(Payload payload) {
        try {
            return ingest.submit(payload);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The back-pressure refusal when the stage already failed with one, else null. */
    private static BackPressureException refusedAtOnce(CompletionStage<IngestResult> stage) {
        CompletableFuture<IngestResult> future;
        try {
            future = stage.toCompletableFuture();
        } catch (UnsupportedOperationException e) {
            return null;
        }
        if (!future.isCompletedExceptionally()) return null;
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof BackPressureException b ? b : null;
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    private void completed(AckWindow.Entry entry, IngestResult result, Throwable failure) {
        if (failure == null) {
            if (result != null && result.rejected()) metrics.rejected.increment();
            window.complete(entry, true);
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (entry.qos == 0) {
            metrics.droppedQos0.increment();
            LOG.debug("QoS 0 message {} lost: {}", entry.messageId, cause.toString());
            window.complete(entry, true);
            return;
        }
        metrics.failures.increment();
        window.complete(entry, false);
        onFailure.accept(entry, cause);
    }

    /** Waits {@code ms}; false when the connection went away (or the thread was interrupted) meanwhile. */
    private boolean pause(long ms) {
        long deadline = System.nanoTime() + ms * 1_000_000;
        try {
            while (true) {
                if (gone.getAsBoolean()) return false;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) return true;
                Thread.sleep(Math.min(left, POLL_MS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void givenUp(int qos) {
        if (qos == 0) metrics.droppedQos0.increment();
    }
}
