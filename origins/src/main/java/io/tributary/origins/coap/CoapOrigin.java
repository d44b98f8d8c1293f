package io.tributary.origins.coap;

import io.tributary.origins.Ingest;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.InMemoryMessageExchangeStore;
import org.eclipse.californium.core.network.RandomTokenGenerator;
import org.eclipse.californium.core.network.deduplication.Deduplicator;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.DaemonThreadFactory;
import org.eclipse.californium.elements.util.ExecutorsUtil;

/**
 * A CoAP server (Californium) with one endpoint, UDP or DTLS, and an {@link IngestResource} per configured path.
 * It owns its executors (daemon threads) so that close is prompt: endpoints stop, executors are shut down now,
 * requests still waiting for the pipeline are no longer answered.
 */
final class CoapOrigin implements Origin {
    private final CoapOriginConfig config;
    private final OriginContext context;
    private final InFlight inFlight;
    private final CoapMetrics metrics;
    private final EarlyAcks earlyAcks;
    private RequestHandler handler;
    private CoapServer server;
    private ScheduledExecutorService mainExecutor;
    private ScheduledExecutorService timerExecutor;
    private volatile String description;
    private boolean closed;

    CoapOrigin(CoapOriginConfig config, OriginContext context) {
        this.config = config;
        this.context = context;
        this.inFlight = new InFlight(config.maxInflight(), config.maxInflightBytes());
        this.metrics = new CoapMetrics(context.metrics(), context.tags(), inFlight);
        this.earlyAcks = new EarlyAcks(config.separateResponseAfterMs(), metrics);
        this.description = config.scheme() + "://" + config.bind() + ":" + config.port() + " (not started)";
    }

    @Override
    public synchronized void start(Ingest ingest) throws Exception {
        if (closed) throw new IllegalStateException("closed");
        Configuration californium = CaliforniumSettings.configuration(config);
        InetSocketAddress address = new InetSocketAddress(config.bind(), config.port());
        Connector connector = config.dtls() == null ? new UDPConnector(address, californium)
                : DtlsConnectors.create(address, californium, config.dtls());
        InMemoryMessageExchangeStore store = new InMemoryMessageExchangeStore(context.originId(), californium,
                new RandomTokenGenerator(californium));
        Deduplicator deduplicator = CaliforniumSettings.deduplicator(config, californium);
        store.setDeduplicator(deduplicator);
        if (deduplicator instanceof BoundedDeduplicator bounded) metrics.dedup(bounded);
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(californium).setConnector(connector)
                .setMessageExchangeStore(store).setLoggingTag(context.originId()).build();
        endpoint.addInterceptor(metrics.responseCounter());

        String threads = "coap-" + context.originId();
        mainExecutor = ExecutorsUtil.newScheduledThreadPool(californium.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT),
                new DaemonThreadFactory(threads + "#"));
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
                new DaemonThreadFactory(threads + "-timer#"));
        timers.setRemoveOnCancelPolicy(true);
        timerExecutor = timers;

        handler = new RequestHandler(ingest, inFlight, earlyAcks, metrics, config.maxBodyBytes());
        server = new CoapServer(californium);
        server.setExecutors(mainExecutor, timerExecutor, true);
        addResources(server, config.paths(), handler);
        server.addEndpoint(endpoint);
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new IOException("CoAP origin " + context.originId() + " cannot listen on " + config.scheme()
                    + "://" + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        server.start();
        if (earlyAcks.sweeps()) {
            long every = earlyAcks.sweepIntervalMs();
            timerExecutor.scheduleWithFixedDelay(earlyAcks, every, every, TimeUnit.MILLISECONDS);
        }
        InetSocketAddress bound = endpoint.getAddress();
        description = config.scheme() + "://" + host(bound) + ":" + bound.getPort();
    }

    /** Creates the resource tree, parents before children; a path's missing parents answer 4.05. */
    private static void addResources(CoapServer server, List<String> paths, RequestHandler handler) {
        List<String> byDepth = paths.stream().sorted(Comparator.comparingInt(p -> p.split("/").length)).toList();
        for (String path : byDepth) {
            String[] segments = path.split("/");
            Resource parent = server.getRoot();
            for (int i = 0; i < segments.length; i++) {
                Resource child = parent.getChild(segments[i]);
                if (child == null) {
                    child = i == segments.length - 1 ? new IngestResource(segments[i], path, handler)
                            : new CoapResource(segments[i]);
                    parent.add(child);
                }
                parent = child;
            }
        }
    }

    private static String host(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (handler != null) handler.close();
        try {
            if (server != null) {
                server.stop();
                server.destroy();
            }
        } finally {
            if (mainExecutor != null) mainExecutor.shutdownNow();
            if (timerExecutor != null) timerExecutor.shutdownNow();
            earlyAcks.clear();
            metrics.close();
        }
    }
}
