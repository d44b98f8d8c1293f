package io.tributary.agent.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic from the beginning with a real consumer. */
final class TopicReader {
    private TopicReader() {
    }

    /** Everything in {@code topic}, waiting up to {@code timeout} until at least {@code atLeast} arrived. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic, int atLeast, Duration timeout) {
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrap, "group.id", "it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            int idlePolls = 0;
            while (System.nanoTime() < deadline) {
                int before = out.size();
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
                idlePolls = out.size() == before ? idlePolls + 1 : 0;
                if (out.size() >= atLeast && idlePolls >= 2) break;
            }
        }
        return out;
    }
}
