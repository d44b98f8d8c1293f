package io.tributary.simulator.transport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A plain JDK HTTP server that answers 200 to every POST and records the body and path. */
public final class HttpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    public final Received received;
    public volatile String lastContentType;

    public HttpReceiver(boolean keep) throws IOException {
        received = new Received(keep);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            lastContentType = exchange.getRequestHeaders().getFirst("Content-Type");
            received.add(exchange.getRequestURI().getPath(), body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
