package io.tributary.simulator.transport;

import io.tributary.config.Settings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

/**
 * Sends each payload as one datagram from a connected {@link DatagramChannel}. UDP has no acknowledgement:
 * {@code sent} counts datagrams the kernel took; an ICMP "port unreachable" reported by a later send counts as
 * failed, as does a payload larger than a datagram can hold.
 */
public final class UdpTransport implements Transport {
    /** The largest UDP payload over IPv4. */
    static final int MAX_DATAGRAM = 65_507;

    private final InetSocketAddress address;
    private final TransportStats stats = new TransportStats("udp", false);
    private DatagramChannel channel;

    public UdpTransport(Settings settings) {
        URI uri = URI.create(settings.get(TransportOptions.UDP_ENDPOINT));
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    @Override
    public void start() throws IOException {
        if (address.isUnresolved()) throw new IOException("cannot resolve " + address.getHostString());
        channel = DatagramChannel.open();
        channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 1 << 20);
        channel.connect(address);
    }

    @Override
    public void send(Message m) {
        byte[] p = m.payload();
        if (p.length > MAX_DATAGRAM) {
            stats.fail("payload of " + p.length + " bytes does not fit a datagram (max " + MAX_DATAGRAM + ")");
            return;
        }
        try {
            channel.write(ByteBuffer.wrap(p));
            stats.sent(p.length);
        } catch (IOException e) {
            stats.fail(address + ": " + e);
        }
    }

    @Override
    public TransportStats stats() {
        return stats;
    }

    @Override
    public void close(Duration timeout) {
        try {
            if (channel != null) channel.close();
        } catch (IOException e) {
            stats.fail("close: " + e);
        }
    }
}
