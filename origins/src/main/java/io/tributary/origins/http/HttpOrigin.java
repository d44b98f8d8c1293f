package io.tributary.origins.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tributary.origins.Ingest;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP/1.1 (or HTTPS) server on Netty: one payload per POST or PUT body, answered 200 once durable. See
 * {@link IngestRequestHandler} for one connection's request cycle.
 *
 * <p>Threads: one acceptor thread and {@code io.threads} event-loop threads of its own; nothing blocks them.
 */
public final class HttpOrigin implements Origin {
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_CHUNK_BYTES = 64 * 1024;

    private final HttpOriginConfig config;
    private final OriginContext context;
    private final InflightLimit inflight;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final HttpOriginMetrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private volatile Channel server;

    HttpOrigin(HttpOriginConfig config, OriginContext context) {
        this.config = config;
        this.context = context;
        this.inflight = new InflightLimit(config.maxInflight());
        this.metrics = new HttpOriginMetrics(context, inflight::current, channels::size);
    }

    @Override
    public void start(Ingest ingest) throws Exception {
        if (closed.get()) throw new IllegalStateException("The origin " + context.originId() + " is closed");
        int threads = config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors();
        acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("tributary-http-accept-" + context.originId(),
                true));
        workers = new NioEventLoopGroup(threads, new DefaultThreadFactory("tributary-http-" + context.originId(),
                true));
        RequestGate gate = new RequestGate(config);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (closed.get()) {
                            ch.close();
                            return;
                        }
                        channels.add(ch);
                        metrics.connectionOpened();
                        ChannelPipeline p = ch.pipeline();
                        if (config.tls()) p.addLast("tls", config.sslContext().newHandler(ch.alloc()));
                        if (config.idleTimeoutMs() > 0) {
                            p.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeoutMs(), TimeUnit.MILLISECONDS));
                        }
                        p.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_CHUNK_BYTES));
                        p.addLast("flow", new FlowControlHandler());
                        p.addLast("ingest", new IngestRequestHandler(config, gate, inflight, metrics, ingest,
                                closed::get));
                    }
                });
        try {
            server = bootstrap.bind(config.bind(), config.port()).sync().channel();
        } catch (Exception e) {
            throw new IOException("Cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** The bound port once started, else the configured one. */
    public int port() {
        Channel s = server;
        return s != null && s.localAddress() instanceof InetSocketAddress a ? a.getPort() : config.port();
    }

    @Override
    public String describe() {
        String base = (config.tls() ? "https" : "http") + "://" + config.bind() + ":" + port();
        return config.paths().size() == 1 ? base + config.paths().iterator().next() : base + " " + config.paths();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        Channel s = server;
        if (s != null) s.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        Future<?> a = acceptor == null ? null : acceptor.shutdownGracefully(0, 500, TimeUnit.MILLISECONDS);
        Future<?> w = workers == null ? null : workers.shutdownGracefully(0, 500, TimeUnit.MILLISECONDS);
        if (a != null) a.awaitUninterruptibly(1, TimeUnit.SECONDS);
        if (w != null) w.awaitUninterruptibly(1, TimeUnit.SECONDS);
        metrics.close();
    }

    @Override
    public String toString() {
        return "HttpOrigin[" + context.originId() + " " + describe() + "]";
    }
}
