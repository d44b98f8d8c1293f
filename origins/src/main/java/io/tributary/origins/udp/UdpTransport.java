package io.tributary.origins.udp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty transport a UDP origin receives with: Linux epoll, which can bind several sockets to one port
 * with SO_REUSEPORT so the kernel spreads senders over threads, or NIO with a single socket.
 */
final class UdpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);

    private final boolean epoll;
    private final int sockets;

    private UdpTransport(boolean epoll, int sockets) {
        this.epoll = epoll;
        this.sockets = sockets;
    }

    /**
     * Picks the transport for {@code mode} (auto, epoll, nio) and {@code threads} receive threads.
     *
     * @throws IllegalStateException when epoll is demanded and unavailable
     */
    static UdpTransport choose(String mode, int threads, String describe) {
        switch (mode) {
            case "nio" -> {
                if (threads > 1) LOG.info("{}: transport nio receives on one socket; threads={} ignored", describe, threads);
                return new UdpTransport(false, 1);
            }
            case "epoll" -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("transport epoll is not available here: "
                            + Epoll.unavailabilityCause(), Epoll.unavailabilityCause());
                }
                return new UdpTransport(true, threads);
            }
            default -> {
                if (Epoll.isAvailable()) return new UdpTransport(true, threads);
                LOG.warn("{}: epoll is not available ({}); falling back to NIO with one socket and one receive thread",
                        describe, String.valueOf(Epoll.unavailabilityCause()));
                return new UdpTransport(false, 1);
            }
        }
    }

    boolean isEpoll() {
        return epoll;
    }

    /** How many sockets (and receive threads) to bind: {@code threads} with epoll, 1 with NIO. */
    int sockets() {
        return sockets;
    }

    EventLoopGroup newGroup(ThreadFactory threads) {
        return epoll ? new EpollEventLoopGroup(sockets, threads) : new NioEventLoopGroup(sockets, threads);
    }

    Class<? extends DatagramChannel> channelClass() {
        return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    String name() {
        return epoll ? "epoll" : "nio";
    }
}
