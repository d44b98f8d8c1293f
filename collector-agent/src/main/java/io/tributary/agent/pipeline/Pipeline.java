package io.tributary.agent.pipeline;

import io.tributary.agent.delivery.Delivery;
import io.tributary.agent.delivery.Outgoing;
import io.tributary.agent.processor.ProcessingException;
import io.tributary.agent.processor.Processor;
import io.tributary.formats.ParseError;
import io.tributary.formats.Parser;
import io.tributary.formats.RecordSink;
import io.tributary.origins.BackPressureException;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Payload;
import io.tributary.origins.UnsupportedContentTypeException;
import io.tributary.record.FieldPath;
import io.tributary.record.Record;
import io.tributary.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One pipeline at run time: parses each payload, applies the processors, keys and encodes the records, turns
 * failures into error records, and hands everything to the {@link Delivery}; the payload's stage completes
 * when all of it is durable. Thread-safe: origins submit from their own threads; the work of one payload runs
 * on the submitting thread up to the hand-over.
 */
public final class Pipeline implements Ingest {
    /** A record the wire format cannot carry (e.g. a string with an unpaired surrogate from a JSON escape). */
    public static final String RECORD_NOT_ENCODABLE = "RECORD_NOT_ENCODABLE";
    private static final String ENCODE_STAGE = "encode";

    /** A processor with the stage name its errors carry. */
    public record Step(String stage, Processor processor) {
    }

    private final String agentId;
    private final int maxInflight;
    private final Parser parser;
    private final String parserStage;
    private final Map<String, Parser> parsersByContentType;
    private final List<Step> steps;
    private final FieldPath keyField;
    private final String topic;
    private final String errorTopic;
    private final Delivery delivery;
    private final PipelineMetrics metrics;
    private final WireCodec codec = WireCodec.get();

    public Pipeline(String agentId, int maxInflight, String formatName, Parser parser,
            Map<String, Parser> parsersByContentType, List<Step> steps, String keyField, String topic,
            String errorTopic, Delivery delivery, PipelineMetrics metrics) {
        this.agentId = agentId;
        this.maxInflight = maxInflight;
        this.parser = parser;
        this.parserStage = "parse:" + formatName;
        this.parsersByContentType = Map.copyOf(parsersByContentType);
        this.steps = List.copyOf(steps);
        this.keyField = keyField == null ? null : FieldPath.of(keyField);
        this.topic = topic;
        this.errorTopic = errorTopic;
        this.delivery = delivery;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<IngestResult> submit(Payload payload) {
        Parser chosen = parserFor(payload.contentType());
        if (chosen == null) {
            metrics.rejectedContentType.increment();
            return CompletableFuture.failedFuture(
                    new UnsupportedContentTypeException(payload.contentType(), parsersByContentType.keySet()));
        }
        if (metrics.inflight.incrementAndGet() > maxInflight) {
            metrics.inflight.decrementAndGet();
            metrics.rejectedBackPressure.increment();
            return CompletableFuture.failedFuture(new BackPressureException(
                    "More than " + maxInflight + " payloads are waiting to become durable", Duration.ofSeconds(1)));
        }
        long start = System.nanoTime();
        metrics.payloadsIn.increment();
        metrics.bytesIn.increment(payload.body().length);
        Batch batch = new Batch(payload);
        try {
            chosen.parse(payload.body(), batch);
            batch.finish();
        } catch (RuntimeException e) {
            metrics.inflight.decrementAndGet();
            return CompletableFuture.failedFuture(e);
        }
        metrics.batchRecords.record(batch.records);
        return delivery.deliver(batch.out).handle((ok, failure) -> {
            metrics.inflight.decrementAndGet();
            if (failure != null) {
                metrics.deliveryFailures.increment();
                throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
            }
            metrics.recordsOut.increment(batch.records);
            metrics.durableLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return new IngestResult(batch.records, batch.errorCount, batch.firstErrors);
        });
    }

    private Parser parserFor(String contentType) {
        if (contentType == null || parsersByContentType.isEmpty()) return parser;
        String base = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return parsersByContentType.get(base);
    }

    /** Collects what one payload turns into. */
    private final class Batch implements RecordSink {
        private static final int MAX_REPORTED = 10;
        private final Payload payload;
        private final List<Outgoing> out = new ArrayList<>();
        private final List<ParseError> firstErrors = new ArrayList<>();
        private ParseError firstParseError;
        private int parseErrors;
        private int records;
        private int errorCount;
        private int index;
        private final ProcessingException[] firstStepFailure = new ProcessingException[steps.size()];
        private final int[] stepFailures = new int[steps.size()];
        private IllegalArgumentException firstEncodeFailure;
        private int encodeFailures;

        Batch(Payload payload) {
            this.payload = payload;
        }

        @Override
        public void record(Record record) {
            int recordIndex = index++;
            record.header().source(payload.source()).receivedAt(payload.receivedAt());
            record.header().attributes().putAll(payload.attributes());
            record.header().attribute("agent.id", agentId);
            for (int i = 0; i < steps.size(); i++) {
                try {
                    if (!steps.get(i).processor().process(record)) {
                        metrics.recordsFiltered.increment();
                        return;
                    }
                } catch (ProcessingException e) {
                    if (stepFailures[i]++ == 0) firstStepFailure[i] = e;
                    metrics.error(steps.get(i).stage(), e.code());
                    report(new ParseError(e.code(), e.getMessage() + " (record " + recordIndex + ")", -1));
                    return;
                }
            }
            if (keyField != null) {
                Object key = record.get(keyField);
                if (key != null) record.header().key(key.toString());
            }
            byte[] value;
            try {
                value = codec.encode(record);
            } catch (IllegalArgumentException e) {
                if (encodeFailures++ == 0) firstEncodeFailure = e;
                metrics.error(ENCODE_STAGE, RECORD_NOT_ENCODABLE);
                report(new ParseError(RECORD_NOT_ENCODABLE, e.getMessage() + " (record " + recordIndex + ")", -1));
                return;
            }
            String key = record.header().key();
            out.add(new Outgoing(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, null));
            records++;
        }

        @Override
        public void error(ParseError error) {
            if (parseErrors++ == 0) firstParseError = error;
            metrics.error(parserStage, error.code());
            report(error);
        }

        private void report(ParseError error) {
            errorCount++;
            if (firstErrors.size() < MAX_REPORTED) firstErrors.add(error);
        }

        void finish() {
            if (firstParseError != null) {
                out.add(ErrorRecords.of(errorTopic, agentId, payload, parserStage, firstParseError.code(),
                        firstParseError.message(), firstParseError.offset(), parseErrors));
            }
            if (firstEncodeFailure != null) {
                out.add(ErrorRecords.of(errorTopic, agentId, payload, ENCODE_STAGE, RECORD_NOT_ENCODABLE,
                        firstEncodeFailure.getMessage(), -1, encodeFailures));
            }
            for (int i = 0; i < steps.size(); i++) {
                ProcessingException e = firstStepFailure[i];
                if (e != null) {
                    out.add(ErrorRecords.of(errorTopic, agentId, payload, steps.get(i).stage(), e.code(),
                            e.getMessage(), -1, stepFailures[i]));
                }
            }
        }
    }
}
