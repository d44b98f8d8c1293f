package io.tributary.agent.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Conversion of {@link Outgoing} messages to Kafka producer records. */
final class Messages {
    private Messages() {
    }

    static ProducerRecord<byte[], byte[]> toRecord(Outgoing message) {
        List<Header> headers = null;
        if (!message.headers().isEmpty()) {
            headers = new ArrayList<>(message.headers().size());
            for (Map.Entry<String, String> h : message.headers().entrySet()) {
                headers.add(new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new ProducerRecord<>(message.topic(), null, message.key(), message.value(), headers);
    }
}
