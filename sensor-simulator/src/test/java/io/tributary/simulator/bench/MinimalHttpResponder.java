package io.tributary.simulator.bench;

import io.tributary.simulator.transport.Received;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bare HTTP/1.1 responder (a thread per keep-alive connection, 200 with an empty body to every request) for the
 * benchmark, so the HTTP row measures the sending client rather than the JDK HttpServer.
 */
final class MinimalHttpResponder implements AutoCloseable {
    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    final Received received = new Received(false);

    MinimalHttpResponder() throws IOException {
        server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    Thread t = new Thread(() -> serve(s), "http-responder");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "http-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            OutputStream out = socket.getOutputStream();
            StringBuilder line = new StringBuilder();
            while (true) {
                int length = 0;
                while (true) {
                    int c = in.read();
                    if (c < 0) return;
                    if (c != '\n') {
                        line.append((char) c);
                        continue;
                    }
                    String header = line.toString().trim();
                    line.setLength(0);
                    if (header.isEmpty()) break;
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                received.add("", in.readNBytes(length));
                out.write(OK);
                out.flush();
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
