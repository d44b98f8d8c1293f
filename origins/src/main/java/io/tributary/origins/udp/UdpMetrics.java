package io.tributary.origins.udp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters of one UDP origin, and a rate-limited log line while it drops. Every datagram read is
 * {@code received}; it is then {@code submitted} or dropped ({@code truncated}, {@code inflight}); a submitted one
 * is in flight until it is {@code stored} (durable; {@code rejected} counts those that were only error records)
 * or dropped ({@code back_pressure}, {@code failed}).
 */
final class UdpMetrics {
    enum DropReason {
        INFLIGHT("inflight"), BACK_PRESSURE("back_pressure"), FAILED("failed"), TRUNCATED("truncated");

        final String tag;

        DropReason(String tag) {
            this.tag = tag;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(UdpMetrics.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final MeterRegistry registry;
    private final Tags tags;
    private final String originId;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final Counter bytes;
    private final Counter submitted;
    private final Counter stored;
    private final Counter rejected;
    private final Map<DropReason, Counter> dropped;
    private final AtomicLong nextDropLog = new AtomicLong(System.nanoTime());
    private volatile LongSupplier kernelDrops;

    UdpMetrics(MeterRegistry registry, Tags tags, String originId, AtomicInteger inflight) {
        this.registry = registry;
        this.tags = tags;
        this.originId = originId;
        bytes = keep(Counter.builder("tributary.udp.bytes.received").baseUnit("bytes").tags(tags)
                .description("Payload bytes of the datagrams read, except those dropped as truncated").register(registry));
        submitted = keep(Counter.builder("tributary.udp.datagrams.submitted").tags(tags)
                .description("Datagrams handed to the pipeline").register(registry));
        stored = keep(Counter.builder("tributary.udp.datagrams.stored").tags(tags)
                .description("Submitted datagrams made durable (records or error records)").register(registry));
        rejected = keep(Counter.builder("tributary.udp.datagrams.rejected").tags(tags)
                .description("Stored datagrams that gave only error records (malformed)").register(registry));
        dropped = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, keep(Counter.builder("tributary.udp.datagrams.dropped").tags(tags)
                    .tag("reason", reason.tag).description("Datagrams dropped, by reason").register(registry)));
        }
        keep(Gauge.builder("tributary.udp.inflight", inflight, AtomicInteger::get).tags(tags)
                .description("Datagrams submitted and not yet completed").register(registry));
    }

    /** The received counter of receive socket {@code socket} (tag {@code socket}, 0-based). */
    Counter receivedBy(int socket) {
        return keep(Counter.builder("tributary.udp.datagrams.received").tags(tags)
                .tag("socket", Integer.toString(socket)).description("Datagrams read, by receive socket")
                .register(registry));
    }

    /** The receive buffer the kernel granted a socket (SO_RCVBUF as set, capped by net.core.rmem_max). */
    void receiveBuffer(int socket, int granted) {
        keep(Gauge.builder("tributary.udp.receive.buffer.bytes", () -> granted).tags(tags)
                .tag("socket", Integer.toString(socket)).baseUnit("bytes").register(registry));
    }

    /** The kernel's own drop count for the origin's sockets (full receive buffer), read on each scrape. */
    void kernelDrops(LongSupplier drops) {
        kernelDrops = drops; // a function counter only holds its object weakly
        keep(FunctionCounter.builder("tributary.udp.kernel.drops", drops, d -> d.getAsLong()).tags(tags)
                .description("Datagrams the kernel dropped on the origin's sockets (receive buffer full)")
                .register(registry));
    }

    void bytes(int n) {
        bytes.increment(n);
    }

    void submitted() {
        submitted.increment();
    }

    void stored(boolean onlyErrors) {
        stored.increment();
        if (onlyErrors) rejected.increment();
    }

    void dropped(DropReason reason) {
        dropped.get(reason).increment();
        long next = nextDropLog.get();
        long now = System.nanoTime();
        if (now - next >= 0 && nextDropLog.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
            LOG.warn("{}: dropping datagrams (totals: {})", originId, dropTotals());
        }
    }

    double droppedCount(DropReason reason) {
        return dropped.get(reason).count();
    }

    String dropTotals() {
        StringBuilder sb = new StringBuilder();
        for (DropReason reason : DropReason.values()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(reason.tag).append('=').append((long) dropped.get(reason).count());
        }
        LongSupplier kernel = kernelDrops;
        if (kernel != null) sb.append("; by the kernel: ").append(kernel.getAsLong());
        return sb.toString();
    }

    /** Removes this origin's meters, so that a new origin with the same id starts clean. */
    void remove() {
        for (Meter m : meters) registry.remove(m);
        meters.clear();
    }

    private <M extends Meter> M keep(M meter) {
        meters.add(meter);
        return meter;
    }
}
