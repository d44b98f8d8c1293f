package io.tributary.simulator.transport;

import io.tributary.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * POSTs each payload with the JDK's {@link HttpClient} (HTTP/1.1, asynchronous): a 2xx response counts as
 * acknowledged, any other status or an I/O error as failed. At most {@code max.in.flight} requests await their
 * response (each on a connection of its own).
 */
public final class HttpTransport implements Transport {
    private final String contentType;
    private final String authToken;
    private final Duration timeout;
    private final long blockMs;
    private final InFlight inFlight;
    private final TransportStats stats = new TransportStats("http", true);
    private final Map<String, URI> uris = new HashMap<>();
    private ExecutorService executor;
    private HttpClient client;

    public HttpTransport(Settings settings, String defaultContentType) {
        this.contentType = settings.get(TransportOptions.CONTENT_TYPE) != null
                ? settings.get(TransportOptions.CONTENT_TYPE) : defaultContentType;
        this.authToken = settings.get(TransportOptions.HTTP_AUTH_TOKEN);
        this.timeout = Duration.ofMillis(settings.get(TransportOptions.TIMEOUT_MS));
        this.blockMs = settings.get(TransportOptions.BLOCK_MS);
        this.inFlight = new InFlight(settings.get(TransportOptions.HTTP_MAX_IN_FLIGHT));
    }

    @Override
    public void start() {
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sim-http");
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .executor(executor).build();
    }

    @Override
    public void send(Message m) {
        URI uri = uris.computeIfAbsent(m.target(), URI::create);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.payload()));
        if (authToken != null) request.header("Authorization", "Bearer " + authToken);
        if (!inFlight.acquire(blockMs)) {
            stats.drop("no free in-flight slot within " + blockMs + " ms (max.in.flight)");
            return;
        }
        stats.sent(m.payload().length);
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            try {
                if (error != null) {
                    stats.fail(uri + ": " + error);
                } else if (response.statusCode() / 100 == 2) {
                    stats.acked.incrementAndGet();
                } else {
                    stats.fail(uri + ": HTTP " + response.statusCode());
                }
            } finally {
                inFlight.release();
            }
        });
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close(Duration wait) {
        inFlight.awaitIdle(wait);
        if (executor != null) executor.shutdownNow();
    }
}
