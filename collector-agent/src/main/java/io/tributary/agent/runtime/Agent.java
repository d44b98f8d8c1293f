package io.tributary.agent.runtime;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.agent.config.AgentConfig;
import io.tributary.agent.config.PipelineConfig;
import io.tributary.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole agent: its pipelines, the admin endpoint and the periodic summary.
 *
 * <p>Lifecycle: {@link #build} validates the config and creates every plugin without touching the network;
 * {@link #start} opens spools, connects producers, binds origins and the admin endpoint; {@link #close} stops
 * origins first, lets in-flight records become durable within the shutdown timeout, then closes producers and
 * spools. Start and close are called from one thread.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentConfig config;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<PipelineRuntime> pipelines = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-summary");
        t.setDaemon(true);
        return t;
    });
    private AdminServer admin;
    private Summary summary;
    private volatile boolean running;
    private boolean closed;

    private Agent(AgentConfig config) {
        this.config = config;
    }

    /**
     * Creates every part of the agent described by {@code config}.
     *
     * @throws ConfigException listing every plugin that cannot be built, by key
     */
    public static Agent build(AgentConfig config) {
        Agent agent = new Agent(config);
        List<ConfigException.Problem> problems = new ArrayList<>();
        registryTags(agent.registry, config.agentId());
        for (PipelineConfig p : config.pipelines()) {
            agent.pipelines.add(new PipelineRuntime(config.agentId(), p, agent.registry, problems));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return agent;
    }

    private static void registryTags(PrometheusMeterRegistry registry, String agentId) {
        registry.config().commonTags("agent", agentId);
    }

    public void start() throws Exception {
        for (PipelineRuntime p : pipelines) p.start();
        if (config.admin().enabled()) {
            admin = new AdminServer(config.admin().bind(), config.admin().port(), registry, this::health, () -> running);
            LOG.info("Admin endpoint at {} (/metrics, /health)", admin.address());
        }
        summary = new Summary(pipelines);
        if (config.summaryIntervalMs() > 0) {
            timer.scheduleAtFixedRate(() -> LOG.info(summary.line()), config.summaryIntervalMs(),
                    config.summaryIntervalMs(), TimeUnit.MILLISECONDS);
        }
        running = true;
        LOG.info("Agent {} started with {} pipeline(s)", config.agentId(), pipelines.size());
    }

    /** The admin port actually bound, or -1. */
    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private String health() {
        StringBuilder sb = new StringBuilder("{\"status\":\"").append(running ? "UP" : "DOWN")
                .append("\",\"agent\":\"").append(config.agentId()).append("\",\"pipelines\":{");
        for (int i = 0; i < pipelines.size(); i++) {
            PipelineRuntime p = pipelines.get(i);
            if (i > 0) sb.append(',');
            sb.append('"').append(p.name()).append("\":{\"spooling\":")
                    .append(p.delivery() != null && p.delivery().isSpooling()).append('}');
        }
        return sb.append("}}").toString();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        running = false;
        LOG.info("Agent {} stopping", config.agentId());
        timer.shutdownNow();
        long deadline = System.currentTimeMillis() + config.shutdownTimeoutMs();
        for (PipelineRuntime p : pipelines) p.stop(Math.max(0, deadline - System.currentTimeMillis()));
        if (admin != null) admin.close();
        if (summary != null) LOG.info(summary.line());
        LOG.info("Agent {} stopped", config.agentId());
    }
}
