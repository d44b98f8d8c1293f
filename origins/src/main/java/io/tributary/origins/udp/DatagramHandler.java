package io.tributary.origins.udp;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.tributary.origins.BackPressureException;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Payload;
import io.tributary.origins.udp.UdpMetrics.DropReason;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each datagram of one receive socket into a {@link Payload} and submits it, unless it is too large
 * (dropped: {@code truncated}) or the origin already has {@code max.inflight} payloads in flight (dropped:
 * {@code inflight}). Copies the bytes out of Netty's pooled buffer, which is released on return. Runs on the
 * socket's event loop; never blocks.
 */
final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramHandler.class);
    private static final long ERROR_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Ingest ingest;
    private String source = "udp:unbound";
    private final int maxDatagramBytes;
    private final int maxInflight;
    private final AtomicInteger inflight;
    private final UdpMetrics metrics;
    private final Counter received;
    private final String originId;
    private final AtomicLong nextErrorLog = new AtomicLong(System.nanoTime());

    /**
     * @param inflight shared by every socket of the origin
     * @param socket this socket's index, for the received counter
     */
    DatagramHandler(Ingest ingest, UdpOriginConfig config, AtomicInteger inflight,
            UdpMetrics metrics, int socket, String originId) {
        super(true);
        this.ingest = ingest;
        this.maxDatagramBytes = config.maxDatagramBytes();
        this.maxInflight = config.maxInflight();
        this.inflight = inflight;
        this.metrics = metrics;
        this.received = metrics.receivedBy(socket);
        this.originId = originId;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        source = "udp:" + ((InetSocketAddress) ctx.channel().localAddress()).getPort();
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        received.increment();
        // The receive buffer holds one byte more than max.datagram.bytes: a full buffer means a larger datagram.
        if (length > maxDatagramBytes) {
            metrics.dropped(DropReason.TRUNCATED);
            return;
        }
        metrics.bytes(length);
        if (inflight.incrementAndGet() > maxInflight) {
            inflight.decrementAndGet();
            metrics.dropped(DropReason.INFLIGHT);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(content);
        Payload payload = new Payload(body, source, null, Map.of("remote.address", address(packet.sender())),
                Instant.now());
        metrics.submitted();
        try {
            ingest.submit(payload).whenComplete(this::completed);
        } catch (RuntimeException e) {
            completed(null, e);
        }
    }

    private void completed(IngestResult result, Throwable failure) {
        inflight.decrementAndGet();
        if (failure == null) {
            metrics.stored(result.rejected());
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BackPressureException) {
            metrics.dropped(DropReason.BACK_PRESSURE);
        } else {
            metrics.dropped(DropReason.FAILED);
            logRarely("the pipeline failed a datagram; it is lost", cause);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A read error must not stop reception; the socket stays open unless Netty closes it (logged then).
        logRarely("receive error on " + ctx.channel().localAddress(), cause);
    }

    private void logRarely(String message, Throwable cause) {
        long next = nextErrorLog.get();
        long now = System.nanoTime();
        if (now - next >= 0 && nextErrorLog.compareAndSet(next, now + ERROR_LOG_INTERVAL_NANOS)) {
            LOG.warn("{}: {} (further ones within 10 s are not logged; drops: {})", originId, message,
                    metrics.dropTotals(), cause);
        }
    }

    /** {@code ip:port}, with an IPv6 address in brackets. */
    static String address(InetSocketAddress sender) {
        if (sender == null) return "unknown";
        String host = sender.getAddress() == null ? sender.getHostString() : sender.getAddress().getHostAddress();
        return sender.getAddress() instanceof Inet6Address ? "[" + host + "]:" + sender.getPort()
                : host + ":" + sender.getPort();
    }
}
