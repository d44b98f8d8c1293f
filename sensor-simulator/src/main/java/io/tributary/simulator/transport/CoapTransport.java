package io.tributary.simulator.transport;

import io.tributary.config.Settings;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * POSTs each payload with Californium on an endpoint of its own, confirmable or not ({@code message.type}).
 * A 2.xx response counts as acknowledged; an error response, a rejection, the CoAP retransmission timeout, or
 * no response within {@code timeout.ms} (checked here, so non-confirmable requests without an answer end too)
 * count as failed. The configuration is private and file-less (Californium's standard one would write
 * Californium3.properties into the working directory).
 */
public final class CoapTransport implements Transport {
    private final CoAP.Type type;
    private final int contentFormat;
    private final long timeoutMs;
    private final long blockMs;
    private final InFlight inFlight;
    private final TransportStats stats = new TransportStats("coap", true);
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private CoapEndpoint endpoint;
    private ScheduledExecutorService sweeper;
    private ScheduledExecutorService[] executors = {};

    public CoapTransport(Settings settings, String defaultContentType) {
        this.type = settings.get(TransportOptions.COAP_MESSAGE_TYPE).equals("non") ? CoAP.Type.NON : CoAP.Type.CON;
        String ct = settings.get(TransportOptions.CONTENT_TYPE) != null
                ? settings.get(TransportOptions.CONTENT_TYPE) : defaultContentType;
        this.contentFormat = MediaTypeRegistry.parse(ct);
        this.timeoutMs = settings.get(TransportOptions.TIMEOUT_MS);
        this.blockMs = settings.get(TransportOptions.BLOCK_MS);
        this.inFlight = new InFlight(settings.get(TransportOptions.COAP_MAX_IN_FLIGHT));
    }

    /** A file-less client configuration with short lifetimes, so finished exchanges do not pile up. */
    static Configuration configuration() {
        Configuration config = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
                SystemConfig.DEFINITIONS);
        config.set(CoapConfig.EXCHANGE_LIFETIME, 10, TimeUnit.SECONDS);
        config.set(CoapConfig.NON_LIFETIME, 10, TimeUnit.SECONDS);
        config.set(CoapConfig.MAX_ACTIVE_PEERS, 1000);
        // Responses arrive in bursts at high rates; the OS default buffer (about 100 KB) drops some, and a lost
        // piggy-backed ACK costs a retransmission seconds later.
        config.set(UdpConfig.UDP_RECEIVE_BUFFER_SIZE, 4 << 20);
        config.set(UdpConfig.UDP_SEND_BUFFER_SIZE, 4 << 20);
        return config;
    }

    @Override
    public void start() throws IOException {
        endpoint = new CoapEndpoint.Builder().setConfiguration(configuration()).build();
        executors = new ScheduledExecutorService[] {
            ExecutorsUtil.newScheduledThreadPool(2, new DaemonThreadFactory("sim-coap#")),
            ExecutorsUtil.newDefaultSecondaryScheduler("sim-coap-timer#")};
        endpoint.setExecutors(executors[0], executors[1]);
        endpoint.start();
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-coap-timeouts");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::expire, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void send(Message m) {
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
        stats.sent(m.payload().length);
        endpoint.sendRequest(request);
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
        if (endpoint != null) {
            endpoint.destroy();
            ExecutorsUtil.shutdownExecutorGracefully(1000, executors);
        }
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
