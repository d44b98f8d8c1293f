package io.tributary.origins.udp;

import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import java.net.InetSocketAddress;

/**
 * The {@code udp} origin: one payload per datagram, no acknowledgement; over its in-flight limit or under
 * back-pressure it drops and counts. See {@code docs/origins/udp.md}.
 *
 * <p>Stable API since 0.1 (the type name and its options). Stateless and thread-safe.
 */
public final class UdpOriginType implements OriginType {
    /** The largest UDP payload over IPv6 without jumbograms (IPv4: 65507). */
    static final int MAX_UDP_PAYLOAD = 65527;

    static final Option<String> BIND = Option.string("bind", "127.0.0.1",
            "Address to listen on: 127.0.0.1 (default, this host only), 0.0.0.0 or :: for every interface.");
    static final Option<Integer> PORT = Option.intValue("port", 0, 0, 65535,
            "UDP port to listen on (required); 0 picks a free port (the agent logs it: udp://host:port).")
            .required();
    static final Option<Integer> THREADS = Option.intValue("threads", 2, 1, 64,
            "Receive threads. With Linux epoll each thread has its own socket bound to the same port with "
                    + "SO_REUSEPORT and the kernel spreads senders across them (one sender always lands on the "
                    + "same socket, so its datagrams stay in order). Without epoll: one NIO socket, one thread.");
    static final Option<String> TRANSPORT = Option.choice("transport", "auto",
            "auto: epoll when available (Linux), else NIO with one socket (logged); epoll: fail to start "
                    + "without it; nio: always NIO with one socket.", "auto", "epoll", "nio");
    static final Option<Integer> RECEIVE_BUFFER_BYTES = Option.intValue("receive.buffer.bytes", 4 * 1024 * 1024,
            1024, 1 << 30,
            "SO_RCVBUF per socket: how much the kernel queues while the receive threads are busy. The kernel "
                    + "caps it at net.core.rmem_max; the granted size is logged when smaller.");
    static final Option<Integer> MAX_DATAGRAM_BYTES = Option.intValue("max.datagram.bytes", 65507, 1,
            MAX_UDP_PAYLOAD,
            "Largest datagram payload taken; a larger datagram is dropped and counted (reason truncated). "
                    + "65507 is the IPv4 maximum.");
    static final Option<Integer> MAX_INFLIGHT = Option.intValue("max.inflight", 10_000, 1, 10_000_000,
            "Datagrams handed to the pipeline and not yet durable, across all receive threads; above it "
                    + "datagrams are dropped and counted (reason inflight): UDP has no back-pressure.");

    private static final OptionSet OPTIONS = OptionSet.of(BIND, PORT, THREADS, TRANSPORT, RECEIVE_BUFFER_BYTES,
            MAX_DATAGRAM_BYTES, MAX_INFLIGHT);

    @Override
    public String name() {
        return "udp";
    }

    @Override
    public String description() {
        return "UDP datagrams, one payload each; no acknowledgement, drops counted under load";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Origin create(Settings settings, OriginContext context) {
        String bind = settings.get(BIND);
        if (new InetSocketAddress(bind, 0).isUnresolved()) {
            throw new ConfigException(BIND.name(), "invalid value '" + bind + "': not a resolvable address");
        }
        UdpOriginConfig config = new UdpOriginConfig(bind, settings.get(PORT), settings.get(THREADS),
                settings.get(TRANSPORT), settings.get(RECEIVE_BUFFER_BYTES), settings.get(MAX_DATAGRAM_BYTES),
                settings.get(MAX_INFLIGHT));
        return new UdpOrigin(config, context);
    }
}
