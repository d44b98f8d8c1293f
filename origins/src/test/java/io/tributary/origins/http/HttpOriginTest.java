package io.tributary.origins.http;

import io.tributary.origins.kit.OriginContractKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** The origin contract, with the JDK's HTTP client as the sender. */
class HttpOriginTest extends OriginContractKit {
    @Override
    protected String type() {
        return "http";
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("port", 0);
    }

    @Override
    protected Client client() {
        HttpClient http = HttpOriginFixture.client();
        URI uri = URI.create("http://127.0.0.1:" + ((HttpOrigin) origin).port() + "/ingest");
        return new Client() {
            @Override
            public Outcome send(byte[] payload, Duration timeout) throws Exception {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                    if (status == 200) return Outcome.ACKED;
                    return status == 400 ? Outcome.REJECTED : Outcome.REFUSED;
                } catch (HttpTimeoutException e) {
                    return Outcome.NO_ANSWER;
                }
            }

            @Override
            public void close() {
                // the JDK 17 client has no close; its connections end with the origin
            }
        };
    }
}
