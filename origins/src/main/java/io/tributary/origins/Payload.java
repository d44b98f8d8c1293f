package io.tributary.origins;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message as an origin received it: the body and where it came from.
 *
 * <p>Stable API since 0.1. Immutable once handed to {@link Ingest#submit}: the origin must not change the
 * array afterwards.
 *
 * @param body the message body, as received
 * @param source the origin id plus what identifies the sender's channel, e.g. {@code mqtt:mall/1/rssi}
 * @param contentType the declared content type (HTTP Content-Type, CoAP Content-Format), or null; the pipeline
 *     picks its parser by it when the pipeline maps content types to formats
 * @param attributes string attributes for the record headers (topic, remote address, allowed HTTP headers)
 * @param receivedAt when the origin received the message
 */
public record Payload(byte[] body, String source, String contentType, Map<String, String> attributes,
        Instant receivedAt) {
    public Payload {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(source, "source");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
    }
}
