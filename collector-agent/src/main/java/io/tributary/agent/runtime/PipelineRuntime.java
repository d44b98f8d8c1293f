package io.tributary.agent.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.agent.config.PipelineConfig;
import io.tributary.agent.config.PluginConfig;
import io.tributary.agent.delivery.DeliveryMetrics;
import io.tributary.agent.delivery.KafkaDelivery;
import io.tributary.agent.pipeline.Pipeline;
import io.tributary.agent.pipeline.PipelineMetrics;
import io.tributary.agent.processor.ProcessorType;
import io.tributary.agent.spool.Spool;
import io.tributary.config.ConfigException;
import io.tributary.formats.Format;
import io.tributary.formats.Parser;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline's parts: built (and so validated) without touching the network, then started: spool opened,
 * producer created, origins bound; stopped in the reverse order.
 */
final class PipelineRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRuntime.class);

    private final String agentId;
    private final PipelineConfig config;
    private final MeterRegistry registry;
    private final Parser parser;
    private final Map<String, Parser> byContentType = new LinkedHashMap<>();
    private final List<Pipeline.Step> steps = new ArrayList<>();
    private final List<Origin> origins = new ArrayList<>();
    private PipelineMetrics metrics;
    private KafkaDelivery delivery;

    /** Builds every plugin of the pipeline; problems are added to {@code problems} by key. */
    PipelineRuntime(String agentId, PipelineConfig config, MeterRegistry registry,
            List<ConfigException.Problem> problems) {
        this.agentId = agentId;
        this.config = config;
        this.registry = registry;
        PluginConfig<Format> format = config.format();
        this.parser = format.build(problems, () -> format.plugin().parser(format.settings()));
        config.contentTypes().forEach((type, f) -> {
            Parser p = f.build(problems, () -> f.plugin().parser(f.settings()));
            if (p != null) byContentType.put(type.toLowerCase(java.util.Locale.ROOT), p);
        });
        for (PluginConfig<ProcessorType> p : config.processors()) {
            var processor = p.build(problems, () -> p.plugin().create(p.settings()));
            if (processor != null) steps.add(new Pipeline.Step("processor:" + p.plugin().name(), processor));
        }
        for (PluginConfig<OriginType> o : config.origins()) {
            OriginContext context = new OriginContext(agentId, o.id(), config.name(), registry);
            Origin origin = o.build(problems, () -> o.plugin().create(o.settings(), context));
            if (origin != null) origins.add(origin);
        }
    }

    String name() {
        return config.name();
    }

    PipelineMetrics metrics() {
        return metrics;
    }

    KafkaDelivery delivery() {
        return delivery;
    }

    void start() throws Exception {
        Spool spool = Spool.open(config.spool());
        LOG.info("Pipeline {}: spool at {} ({} messages waiting)", config.name(), config.spool().dir().toAbsolutePath(),
                spool.entries());
        delivery = new KafkaDelivery(config.name(), producer(), spool,
                new DeliveryMetrics(registry, config.name(), spool));
        metrics = new PipelineMetrics(registry, config.name());
        Pipeline pipeline = new Pipeline(agentId, config.maxInflightPayloads(), config.format().plugin().name(), parser,
                byContentType, steps, config.destination().keyField(), config.destination().topic(),
                config.destination().errorTopic(), delivery, metrics);
        for (Origin origin : origins) {
            origin.start(pipeline);
            LOG.info("Pipeline {}: listening on {}", config.name(), origin.describe());
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.putAll(config.destination().producer());
        props.put("bootstrap.servers", config.destination().bootstrapServers());
        props.put("client.id", agentId + "-" + config.name());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Stops the origins first, then lets in-flight messages become durable (bounded), then closes delivery. */
    void stop(long timeoutMs) {
        for (Origin origin : origins) {
            try {
                origin.close();
            } catch (RuntimeException e) {
                LOG.warn("Pipeline {}: origin {} did not close cleanly: {}", config.name(), origin.describe(), e.toString());
            }
        }
        if (delivery != null) delivery.close(timeoutMs);
    }

    @Override
    public void close() {
        stop(15_000);
    }
}
