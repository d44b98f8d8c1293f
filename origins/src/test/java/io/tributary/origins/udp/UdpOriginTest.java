package io.tributary.origins.udp;

import io.tributary.origins.kit.OriginContractKit;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/** The origin contract, over epoll with two SO_REUSEPORT sockets where available, with a plain Java client. */
class UdpOriginTest extends OriginContractKit {
    @Override
    protected String type() {
        return "udp";
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("bind", "127.0.0.1", "port", 0, "threads", 2);
    }

    @Override
    protected boolean acknowledges() {
        return false;
    }

    @Override
    protected Client client() throws Exception {
        return new UdpClient(target(origin.describe()));
    }

    /** The address in {@code udp://host:port}. */
    static InetSocketAddress target(String describe) {
        String hostPort = describe.substring("udp://".length());
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** One socket, one source port: datagrams reach one receive socket, in order on loopback. */
    static final class UdpClient implements Client {
        private final DatagramSocket socket;

        UdpClient(InetSocketAddress target) throws Exception {
            socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            socket.connect(target);
        }

        @Override
        public Outcome send(byte[] payload, Duration timeout) throws Exception {
            socket.send(new DatagramPacket(payload, payload.length));
            return Outcome.NO_ANSWER;
        }

        int localPort() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
