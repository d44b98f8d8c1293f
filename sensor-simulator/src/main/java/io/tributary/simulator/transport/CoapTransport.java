package io.tributary.simulator.transport;

import io.tributary.config.Settings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.util.DaemonThreadFactory;
import org.eclipse.californium.elements.util.ExecutorsUtil;

/**
 * POSTs each payload with Californium, confirmable or not ({@code message.type}), from {@code endpoints} local
 * endpoints in turn. A 2.xx response counts as acknowledged; an error response, a rejection, the CoAP
 * retransmission timeout, or no response within {@code timeout.ms} (checked here, so non-confirmable requests
 * without an answer end too) count as failed.
 *
 * <p>Message ids: CoAP forbids reusing a message id towards a peer within the exchange lifetime (the receiver
 * would take the new request for a retransmission and drop it), so one endpoint carries at most 65,536 requests
 * per lifetime. Californium's grouped id tracker refuses ids somewhat earlier, so each endpoint here keeps the
 * send times of its last {@value #IDS_PER_LIFETIME} requests and the simulation waits (up to {@code block.ms})
 * when every endpoint has used that many within the lifetime, instead of failing.
 *
 * <p>The configuration is private and file-less (Californium's standard one would write Californium3.properties
 * into the working directory), with 4 MB socket buffers.
 */
public final class CoapTransport implements Transport {
    /** Requests per endpoint per exchange lifetime: 14 of the grouped tracker's 16 groups of 4,096 ids. */
    static final int IDS_PER_LIFETIME = 14 * 4096;

    private final CoAP.Type type;
    private final int contentFormat;
    private final long timeoutMs;
    private final long blockMs;
    private final long lifetimeNanos;
    private final int endpointCount;
    private final InFlight inFlight;
    private final TransportStats stats = new TransportStats("coap", true);
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final List<Lane> lanes = new ArrayList<>();
    private ScheduledExecutorService sweeper;
    private ScheduledExecutorService[] executors = {};
    private int next;

    /** One local endpoint and the send times of its recent requests (a ring). */
    private static final class Lane {
        final CoapEndpoint endpoint;
        final long[] sent = new long[IDS_PER_LIFETIME];
        int head;
        long used;

        Lane(CoapEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        /** When this lane may send again: the send {@value #IDS_PER_LIFETIME} requests ago plus the lifetime. */
        long freeAt(long lifetimeNanos, long now) {
            return used < IDS_PER_LIFETIME ? now : sent[head] + lifetimeNanos;
        }

        void record(long now) {
            sent[head] = now;
            head = (head + 1) % IDS_PER_LIFETIME;
            used++;
        }
    }

    public CoapTransport(Settings settings, String defaultContentType) {
        this.type = settings.get(TransportOptions.COAP_MESSAGE_TYPE).equals("non") ? CoAP.Type.NON : CoAP.Type.CON;
        String ct = settings.get(TransportOptions.CONTENT_TYPE) != null
                ? settings.get(TransportOptions.CONTENT_TYPE) : defaultContentType;
        this.contentFormat = MediaTypeRegistry.parse(ct);
        this.timeoutMs = settings.get(TransportOptions.TIMEOUT_MS);
        this.blockMs = settings.get(TransportOptions.BLOCK_MS);
        this.lifetimeNanos = TimeUnit.MILLISECONDS.toNanos(settings.get(TransportOptions.COAP_EXCHANGE_LIFETIME_MS));
        this.endpointCount = settings.get(TransportOptions.COAP_ENDPOINTS);
        this.inFlight = new InFlight(settings.get(TransportOptions.COAP_MAX_IN_FLIGHT));
    }

    /** A file-less client configuration. */
    static Configuration configuration(long lifetimeMs) {
        Configuration config = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
                SystemConfig.DEFINITIONS);
        config.set(CoapConfig.EXCHANGE_LIFETIME, lifetimeMs, TimeUnit.MILLISECONDS);
        config.set(CoapConfig.NON_LIFETIME, lifetimeMs, TimeUnit.MILLISECONDS);
        config.set(CoapConfig.MAX_ACTIVE_PEERS, 1000);
        // Responses arrive in bursts at high rates; the OS default buffer (about 100 KB) drops some, and a lost
        // piggy-backed ACK costs a retransmission seconds later.
        config.set(UdpConfig.UDP_RECEIVE_BUFFER_SIZE, 4 << 20);
        config.set(UdpConfig.UDP_SEND_BUFFER_SIZE, 4 << 20);
        return config;
    }

    @Override
    public void start() throws IOException {
        executors = new ScheduledExecutorService[] {
            ExecutorsUtil.newScheduledThreadPool(2, new DaemonThreadFactory("sim-coap#")),
            ExecutorsUtil.newDefaultSecondaryScheduler("sim-coap-timer#")};
        Configuration config = configuration(TimeUnit.NANOSECONDS.toMillis(lifetimeNanos));
        for (int i = 0; i < endpointCount; i++) {
            CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config).build();
            endpoint.setExecutors(executors[0], executors[1]);
            endpoint.start();
            lanes.add(new Lane(endpoint));
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-coap-timeouts");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::expire, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void send(Message m) {
        Lane lane = lane();
        if (lane == null) {
            stats.drop("every endpoint used " + IDS_PER_LIFETIME + " message ids within the exchange lifetime for "
                    + blockMs + " ms (raise endpoints)");
            return;
        }
        if (!inFlight.acquire(blockMs)) {
            stats.drop("no free in-flight slot within " + blockMs + " ms (max.in.flight)");
            return;
        }
        Request request = new Request(CoAP.Code.POST, type);
        try {
            request.setURI(m.target());
        } catch (IllegalArgumentException e) {
            inFlight.release();
            stats.fail(m.target() + ": " + e.getMessage());
            return;
        }
        request.setPayload(m.payload());
        if (contentFormat >= 0) request.getOptions().setContentFormat(contentFormat);
        Pending p = new Pending(request, System.nanoTime() + timeoutMs * 1_000_000);
        request.addMessageObserver(p);
        pending.add(p);
        lane.record(System.nanoTime());
        stats.sent(m.payload().length);
        lane.endpoint.sendRequest(request);
    }

    /** The next endpoint with a free message id, waiting up to block.ms; null when none came free. */
    private Lane lane() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(blockMs);
        while (true) {
            long now = System.nanoTime();
            long soonest = Long.MAX_VALUE;
            for (int k = 0; k < lanes.size(); k++) {
                Lane lane = lanes.get((next + k) % lanes.size());
                long free = lane.freeAt(lifetimeNanos, now);
                if (free - now <= 0) {
                    next = (next + k + 1) % lanes.size();
                    return lane;
                }
                soonest = Math.min(soonest, free);
            }
            if (soonest - deadline > 0) return null;
            LockSupport.parkNanos(Math.max(soonest - now, 100_000));
        }
    }

    /** Cancels requests past their deadline (they are queued in sending order, so deadlines ascend). */
    private void expire() {
        long now = System.nanoTime();
        for (Pending p = pending.peek(); p != null; p = pending.peek()) {
            if (p.done.get()) {
                pending.poll();
            } else if (now - p.deadline >= 0) {
                pending.poll();
                if (p.finish()) stats.fail(p.request.getURI() + ": no response within " + timeoutMs + " ms");
                p.request.cancel();
            } else {
                break;
            }
        }
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close(Duration timeout) {
        inFlight.awaitIdle(timeout);
        if (sweeper != null) sweeper.shutdownNow();
        for (Lane lane : lanes) lane.endpoint.destroy();
        ExecutorsUtil.shutdownExecutorGracefully(1000, executors);
    }

    private final class Pending extends MessageObserverAdapter {
        final Request request;
        final long deadline;
        final AtomicBoolean done = new AtomicBoolean();

        Pending(Request request, long deadline) {
            this.request = request;
            this.deadline = deadline;
        }

        /** True for the first outcome only; releases the in-flight slot. */
        boolean finish() {
            if (!done.compareAndSet(false, true)) return false;
            inFlight.release();
            return true;
        }

        @Override
        public void onResponse(Response response) {
            if (!finish()) return;
            if (response.isSuccess()) {
                stats.acked.incrementAndGet();
            } else {
                stats.fail(request.getURI() + ": " + response.getCode());
            }
        }

        @Override
        public void onSendError(Throwable error) {
            if (finish()) stats.fail(request.getURI() + ": " + error);
        }

        @Override
        protected void failed() {
            if (finish()) stats.fail(request.getURI() + ": " + (request.isTimedOut() ? "timed out"
                    : request.isRejected() ? "rejected" : "canceled"));
        }
    }
}
