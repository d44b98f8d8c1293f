package io.tributary.origins.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.origins.Ingest;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import io.tributary.origins.Origins;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/** A started HTTP origin on a free port with its own registry, and client helpers for the focused tests. */
final class HttpOriginFixture implements AutoCloseable {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final HttpOrigin origin;

    HttpOriginFixture(Map<String, Object> options, Ingest ingest) throws Exception {
        OriginType type = Origins.get("type", "http");
        Map<String, Object> all = new HashMap<>(options);
        all.putIfAbsent("port", 0);
        origin = (HttpOrigin) type.create(type.options().parse(all),
                new OriginContext("agent-1", "http-1", "p1", registry));
        try {
            origin.start(ingest);
        } catch (Exception e) {
            origin.close();
            throw e;
        }
    }

    URI uri(String path) {
        return URI.create(origin.describe().replaceAll("^(https?://[^/ ]+).*$", "$1") + path);
    }

    int port() {
        return origin.port();
    }

    /** A counter of the origin ({@code name} without the common prefix), or 0 when never registered. */
    double count(String name, String... tags) {
        Counter c = registry.find(HttpOriginMetrics.PREFIX + name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void close() {
        origin.close();
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static HttpClient client(SSLContext ssl) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(ssl).build();
    }

    /** POSTs {@code body} with {@code headers} (name, value, name, value...). */
    static HttpResponse<String> post(HttpClient client, URI uri, byte[] body, String... headers)
            throws IOException, InterruptedException {
        return send(client, uri, "POST", HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    static HttpResponse<String> send(HttpClient client, URI uri, String method, HttpRequest.BodyPublisher body,
            String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).method(method, body);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
