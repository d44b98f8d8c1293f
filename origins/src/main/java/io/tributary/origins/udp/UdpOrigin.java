package io.tributary.origins.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.tributary.origins.Ingest;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running UDP receiver: {@code threads} sockets on one port with SO_REUSEPORT (epoll), or one NIO socket.
 * Each datagram becomes one payload; nothing is acknowledged; drops are counted (see {@link UdpMetrics}).
 */
final class UdpOrigin implements Origin {
    private static final Logger LOG = LoggerFactory.getLogger(UdpOrigin.class);

    private final UdpOriginConfig config;
    private final OriginContext context;
    private final AtomicInteger inflight = new AtomicInteger();
    private final List<Channel> channels = new ArrayList<>();
    private UdpMetrics metrics;
    private EventLoopGroup group;
    private volatile String describe;
    private volatile boolean closing;

    UdpOrigin(UdpOriginConfig config, OriginContext context) {
        this.config = config;
        this.context = context;
        this.describe = "udp://" + config.bind() + ":" + config.port();
    }

    @Override
    public synchronized void start(Ingest ingest) throws Exception {
        if (group != null || closing) throw new IllegalStateException(context.originId() + " was already started");
        UdpTransport transport = UdpTransport.choose(config.transport(), config.threads(), context.originId());
        metrics = new UdpMetrics(context.metrics(), context.tags(), context.originId(), inflight);
        group = transport.newGroup(new DefaultThreadFactory(context.originId(), true));
        InetSocketAddress first = bind(transport, ingest, 0, new InetSocketAddress(config.bind(), config.port()));
        describe = "udp://" + DatagramHandler.address(first);
        for (int i = 1; i < transport.sockets(); i++) bind(transport, ingest, i, first);
        metrics.kernelDrops(new KernelDrops(first.getPort()));
        LOG.info("{} receiving on {} ({}, {} socket{}, source {})", context.originId(), describe, transport.name(),
                channels.size(), channels.size() == 1 ? "" : "s", "udp:" + first.getPort());
    }

    private InetSocketAddress bind(UdpTransport transport, Ingest ingest, int socket, InetSocketAddress address)
            throws BindException {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(transport.channelClass())
                .option(ChannelOption.SO_RCVBUF, config.receiveBufferBytes())
                // One byte more than the largest datagram taken, so that a larger one shows (and is dropped).
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(config.maxDatagramBytes() + 1))
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new DatagramHandler(ingest, config, inflight, metrics, socket,
                                context.originId()));
                    }
                });
        if (transport.isEpoll()) bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            BindException e = new BindException(context.originId() + ": cannot bind udp://"
                    + DatagramHandler.address(address) + ": " + bound.cause().getMessage());
            e.initCause(bound.cause());
            throw e;
        }
        Channel channel = bound.channel();
        channels.add(channel);
        channel.closeFuture().addListener(f -> {
            if (!closing) LOG.error("{}: socket {} of {} closed unexpectedly", context.originId(), socket, describe);
        });
        // Linux doubles the size set (bookkeeping overhead), capped at twice net.core.rmem_max; the native
        // getsockopt shows that, the JDK halves it back.
        int reported = ((DatagramChannel) channel).config().getReceiveBufferSize();
        int granted = transport.isEpoll() ? reported / 2 : reported;
        metrics.receiveBuffer(socket, granted);
        if (granted < config.receiveBufferBytes() && socket == 0) {
            LOG.warn("{}: asked for a receive buffer of {} bytes per socket, the kernel granted {}; raise "
                    + "net.core.rmem_max to absorb bursts", context.originId(), config.receiveBufferBytes(), granted);
        }
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public synchronized void close() {
        if (closing) return;
        closing = true;
        String drops = metrics == null ? "" : metrics.dropTotals(); // the kernel's count goes with the sockets
        for (Channel channel : channels) channel.close();
        for (Channel channel : channels) channel.closeFuture().awaitUninterruptibly(1, TimeUnit.SECONDS);
        if (group != null) group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        if (metrics != null) {
            LOG.info("{} closed ({} in flight; drops: {})", context.originId(), inflight.get(), drops);
            metrics.remove();
        }
    }

    /** The receive sockets, for tests. */
    synchronized List<Channel> channels() {
        return List.copyOf(channels);
    }
}
