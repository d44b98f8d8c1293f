package io.tributary.agent.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load generator, run as its own process by {@link OriginsBenchmark}: {@code posts} POSTs of
 * {@code events} NDJSON events each to {@code url} with {@code concurrency} requests in flight (JDK HttpClient,
 * HTTP/1.1 keep-alive); prints {@code http-load posts=N ok=K failed=F elapsed.ms=T}. A POST counts once answered
 * 200, i.e. once its events are durable.
 *
 * <pre>java -cp ... io.tributary.agent.bench.HttpLoad http://127.0.0.1:8080/ingest 2000 100 8</pre>
 */
public final class HttpLoad {
    private HttpLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int posts = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        byte[] body = BenchSupport.payload(events).getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        // warm-up: connections and JIT, not counted
        for (int i = 0; i < 20; i++) client.send(request, HttpResponse.BodyHandlers.discarding());
        Semaphore window = new Semaphore(concurrency);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < posts; i++) {
            window.acquire();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e == null && r.statusCode() == 200) ok.incrementAndGet();
                else failed.incrementAndGet();
                window.release();
            });
        }
        window.acquire(concurrency);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("http-load posts=%d ok=%d failed=%d elapsed.ms=%d%n", posts, ok.get(), failed.get(), ms);
        System.exit(0);
    }
}
