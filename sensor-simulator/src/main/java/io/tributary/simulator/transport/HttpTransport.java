package io.tributary.simulator.transport;

import io.tributary.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * POSTs each payload with the JDK's {@link HttpClient} (HTTP/1.1): a 2xx response counts as acknowledged, any
 * other status or an I/O error as failed. {@code connections} worker threads each send one request at a time
 * over their own keep-alive connection, taking payloads from a queue of {@code max.in.flight}; a full queue holds
 * the simulation back for up to {@code block.ms}, then the payload counts as dropped.
 *
 * <p>Why synchronous workers: on this project's 2-core machines the client's asynchronous API reached about half
 * the request rate of a few threads calling {@code send} (3k against 6k requests/s to a trivial server); the
 * client's CompletableFuture hand-offs between its selector and executor threads cost more than the threads.
 */
public final class HttpTransport implements Transport {
    private static final Item STOP = new Item(null, null);

    private record Item(URI uri, byte[] payload) {
    }

    private final String contentType;
    private final String authToken;
    private final Duration timeout;
    private final long blockMs;
    private final int connections;
    private final BlockingQueue<Item> queue;
    private final TransportStats stats = new TransportStats("http", true);
    private final ConcurrentHashMap<String, URI> uris = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private HttpClient client;

    public HttpTransport(Settings settings, String defaultContentType) {
        this.contentType = settings.get(TransportOptions.CONTENT_TYPE) != null
                ? settings.get(TransportOptions.CONTENT_TYPE) : defaultContentType;
        this.authToken = settings.get(TransportOptions.HTTP_AUTH_TOKEN);
        this.timeout = Duration.ofMillis(settings.get(TransportOptions.TIMEOUT_MS));
        this.blockMs = settings.get(TransportOptions.BLOCK_MS);
        this.connections = settings.get(TransportOptions.HTTP_CONNECTIONS);
        this.queue = new ArrayBlockingQueue<>(settings.get(TransportOptions.HTTP_MAX_IN_FLIGHT));
    }

    @Override
    public void start() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(this::work, "sim-http-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    @Override
    public void send(Message m) {
        Item item = new Item(uris.computeIfAbsent(m.target(), URI::create), m.payload());
        try {
            if (!queue.offer(item) && !queue.offer(item, blockMs, TimeUnit.MILLISECONDS)) {
                stats.drop("queue of max.in.flight payloads still full after " + blockMs + " ms");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.drop("interrupted");
            return;
        }
        stats.sent(m.payload().length);
    }

    private void work() {
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP) return;
            HttpRequest.Builder request = HttpRequest.newBuilder(item.uri).timeout(timeout)
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(item.payload));
            if (authToken != null) request.header("Authorization", "Bearer " + authToken);
            try {
                int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    stats.acked.incrementAndGet();
                } else {
                    stats.fail(item.uri + ": HTTP " + status);
                }
            } catch (IOException e) {
                stats.fail(item.uri + ": " + e);
            } catch (InterruptedException e) {
                stats.fail(item.uri + ": interrupted");
                return;
            }
        }
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (int i = 0; i < workers.size(); i++) {
                if (!queue.offer(STOP, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) break;
            }
            for (Thread t : workers) t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread t : workers) t.interrupt();
    }
}
