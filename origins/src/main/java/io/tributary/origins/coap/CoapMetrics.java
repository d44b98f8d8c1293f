package io.tributary.origins.coap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;

/**
 * The meters of one CoAP origin. A POST or PUT reaching a configured path is {@code received} (its body counted
 * in {@code bytes.received}); it ends {@code acked} (2.04, durable) or {@code rejected} with a reason. Every
 * response the endpoint sends, including those Californium makes itself (4.04, 4.05, 4.13 of a block-wise upload,
 * 2.31 Continue per block), counts in {@code responses} by code. Meters are removed when the origin closes.
 */
final class CoapMetrics {
    enum Reason {
        TOO_LARGE("too_large"), INFLIGHT("inflight"), BACK_PRESSURE("back_pressure"),
        CONTENT_TYPE("content_type"), MALFORMED("malformed"), FAILED("failed");

        final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final Counter received;
    private final Counter bytes;
    private final Counter acked;
    private final Counter separate;
    private final Map<Reason, Counter> rejected = new EnumMap<>(Reason.class);
    private final Map<ResponseCode, Counter> responses = new ConcurrentHashMap<>();
    private final InFlight inFlight;
    private BoundedDeduplicator deduplicator;

    CoapMetrics(MeterRegistry registry, Tags tags, InFlight inFlight) {
        this.registry = registry;
        this.tags = tags;
        this.inFlight = inFlight;
        received = keep(Counter.builder("tributary.coap.payloads.received").tags(tags)
                .description("POST/PUT requests with a complete body on a configured path").register(registry));
        bytes = keep(Counter.builder("tributary.coap.bytes.received").baseUnit("bytes").tags(tags)
                .description("Body bytes of the received requests").register(registry));
        acked = keep(Counter.builder("tributary.coap.payloads.acked").tags(tags)
                .description("Requests answered 2.04 Changed once durable").register(registry));
        separate = keep(Counter.builder("tributary.coap.separate.responses").tags(tags)
                .description("CON requests given an empty ACK first, their answer following separately")
                .register(registry));
        for (Reason reason : Reason.values()) {
            rejected.put(reason, keep(Counter.builder("tributary.coap.payloads.rejected").tags(tags)
                    .tag("reason", reason.tag).description("Requests not acknowledged as stored, by reason")
                    .register(registry)));
        }
        keep(Gauge.builder("tributary.coap.inflight", inFlight, InFlight::requests).tags(tags)
                .description("Requests handed to the pipeline and not yet completed").register(registry));
        keep(Gauge.builder("tributary.coap.inflight.bytes", inFlight, InFlight::bytes).baseUnit("bytes").tags(tags)
                .description("Body bytes of the requests in flight").register(registry));
    }

    /** Meters of the duplicate detection store (held here too: meters keep only weak references). */
    void dedup(BoundedDeduplicator deduplicator) {
        this.deduplicator = deduplicator;
        keep(Gauge.builder("tributary.coap.dedup.entries", deduplicator, BoundedDeduplicator::size).tags(tags)
                .description("Requests remembered to recognise retransmissions").register(registry));
        keep(FunctionCounter.builder("tributary.coap.dedup.overflow", deduplicator, BoundedDeduplicator::overflow)
                .tags(tags).description("Requests not remembered for duplicate detection because the store was full")
                .register(registry));
    }

    void received(int bodyBytes) {
        received.increment();
        bytes.increment(bodyBytes);
    }

    void acked() {
        acked.increment();
    }

    void separateResponse() {
        separate.increment();
    }

    void rejected(Reason reason) {
        rejected.get(reason).increment();
    }

    /** Counts every response the endpoint sends, by code. */
    MessageInterceptorAdapter responseCounter() {
        return new MessageInterceptorAdapter() {
            @Override
            public void sendResponse(Response response) {
                responses.computeIfAbsent(response.getCode(), code -> keep(Counter.builder("tributary.coap.responses")
                        .tags(tags).tag("code", code.text).description("Responses sent, by CoAP response code")
                        .register(registry))).increment();
            }
        };
    }

    void close() {
        for (Meter m : meters) registry.remove(m);
        meters.clear();
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }
}
