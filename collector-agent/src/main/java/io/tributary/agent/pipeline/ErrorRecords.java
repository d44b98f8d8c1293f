package io.tributary.agent.pipeline;

import io.tributary.agent.delivery.Outgoing;
import io.tributary.origins.Payload;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds error records: the payload's raw bytes as the value, what went wrong in headers. One error record is
 * written per payload and stage, carrying the first error and the count, so a payload with many bad parts
 * cannot multiply its size in the error topic; nothing of the input is lost since the raw bytes are kept.
 */
final class ErrorRecords {
    static final String CODE = "error.code";
    static final String MESSAGE = "error.message";
    static final String STAGE = "error.stage";
    static final String OFFSET = "error.offset";
    static final String COUNT = "error.count";
    static final String SOURCE = "source";
    static final String AGENT_ID = "agent.id";
    static final String RECEIVED_AT = "received.at";
    static final String CONTENT_TYPE = "content.type";

    private ErrorRecords() {
    }

    static Outgoing of(String topic, String agentId, Payload payload, String stage, String code, String message,
            long offset, int count) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CODE, code);
        headers.put(MESSAGE, message);
        headers.put(STAGE, stage);
        if (offset >= 0) headers.put(OFFSET, Long.toString(offset));
        headers.put(COUNT, Integer.toString(count));
        headers.put(SOURCE, payload.source());
        headers.put(AGENT_ID, agentId);
        headers.put(RECEIVED_AT, payload.receivedAt().toString());
        if (payload.contentType() != null) headers.put(CONTENT_TYPE, payload.contentType());
        payload.attributes().forEach((k, v) -> headers.putIfAbsent("attr." + k, v));
        return new Outgoing(topic, null, payload.body(), headers);
    }
}
