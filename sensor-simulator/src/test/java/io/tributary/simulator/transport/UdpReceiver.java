package io.tributary.simulator.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;

/** A {@link DatagramSocket} on a free loopback port that records every datagram. */
public final class UdpReceiver implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    public final Received received;

    public UdpReceiver(boolean keep) throws IOException {
        received = new Received(keep);
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setReceiveBufferSize(16 << 20);
        thread = new Thread(() -> {
            byte[] buffer = new byte[65_536];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            while (!socket.isClosed()) {
                try {
                    packet.setLength(buffer.length);
                    socket.receive(packet);
                    received.add("", Arrays.copyOf(buffer, packet.getLength()));
                } catch (IOException e) {
                    return;
                }
            }
        }, "udp-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
    }
}
