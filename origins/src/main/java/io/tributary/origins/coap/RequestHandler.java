package io.tributary.origins.coap;

import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Payload;
import io.tributary.origins.coap.CoapMetrics.Reason;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.EndpointContext;

/**
 * Takes a POST or PUT on a configured path: checks its size and the in-flight bound, hands the body to the
 * pipeline, and answers when the pipeline's stage completes (2.04 only once durable). Runs on Californium's
 * protocol threads and never blocks them; the answer is sent from the thread completing the stage.
 *
 * <p>A CON request's answer is piggy-backed on its ACK when the stage completes quickly; otherwise
 * {@link EarlyAcks} sends the empty ACK and the answer follows as a separate CON response. A NON request gets a
 * NON answer once durable (CoAP has no ACK for NON; the answer is how a NON sender can learn the outcome).
 */
final class RequestHandler {
    private static final Duration INFLIGHT_RETRY = Duration.ofSeconds(1);

    private final Ingest ingest;
    private final InFlight inFlight;
    private final EarlyAcks earlyAcks;
    private final CoapMetrics metrics;
    private final int maxBodyBytes;
    private volatile boolean closed;

    RequestHandler(Ingest ingest, InFlight inFlight, EarlyAcks earlyAcks, CoapMetrics metrics, int maxBodyBytes) {
        this.ingest = ingest;
        this.inFlight = inFlight;
        this.earlyAcks = earlyAcks;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    void handle(CoapExchange exchange, String path) {
        if (closed) return;
        Request request = exchange.advanced().getRequest();
        byte[] body = request.getPayload();
        metrics.received(body.length);
        if (body.length > maxBodyBytes) {
            metrics.rejected(Reason.TOO_LARGE);
            exchange.respond(Replies.tooLarge(maxBodyBytes));
            return;
        }
        if (!inFlight.tryAcquire(body.length)) {
            metrics.rejected(Reason.INFLIGHT);
            exchange.respond(Replies.serviceUnavailable(INFLIGHT_RETRY, "too many requests in flight"));
            return;
        }
        PendingRequest pending = new PendingRequest(exchange, body.length, System.nanoTime());
        Payload payload = new Payload(body, "coap:" + path,
                ContentFormats.mimeType(request.getOptions().getContentFormat()), attributes(request, path),
                Instant.now());
        CompletionStage<IngestResult> stage;
        try {
            stage = ingest.submit(payload);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, failure) -> completed(pending, result, failure));
        if (request.isConfirmable() && !pending.isCompleted()) earlyAcks.track(pending);
    }

    private void completed(PendingRequest pending, IngestResult result, Throwable failure) {
        inFlight.release(pending.size());
        pending.complete();
        if (closed) return;
        Response response = Replies.completed(result, failure, metrics);
        try {
            pending.exchange().respond(response);
        } catch (RuntimeException e) {
            // the endpoint is stopping: the client retransmits or gives up, nothing was acknowledged
        }
    }

    /** After this, nothing more is taken or answered. */
    void close() {
        closed = true;
    }

    private static Map<String, String> attributes(Request request, String path) {
        EndpointContext context = request.getSourceContext();
        String type = request.getType().name();
        Principal identity = context.getPeerIdentity();
        if (identity == null) {
            return Map.of("remote.address", address(context.getPeerAddress()), "coap.path", path, "coap.type", type);
        }
        return Map.of("remote.address", address(context.getPeerAddress()), "coap.path", path, "coap.type", type,
                "coap.identity", identity.getName());
    }

    static String address(InetSocketAddress peer) {
        if (peer == null) return "unknown";
        String host = peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
        return peer.getAddress() instanceof Inet6Address ? "[" + host + "]:" + peer.getPort()
                : host + ":" + peer.getPort();
    }
}
