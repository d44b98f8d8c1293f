package io.tributary.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka (combined broker + controller) listening on 127.0.0.1 only, tuned for one machine:
 * replication 1 everywhere, one partition for internal topics, no rebalance delay. Storage lives in
 * {@code <dataDir>/kafka}; an already formatted directory is reused, so a restart keeps the data.
 */
final class EmbeddedKafka {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private KafkaRaftServer server;

    EmbeddedKafka(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    String bootstrapServers() {
        return ReadyLines.HOST + ":" + port;
    }

    Properties config() {
        String host = ReadyLines.HOST;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("kafka").toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a kill the controller rejects the restarted broker (DUPLICATE_BROKER_REGISTRATION) until the old
        // incarnation's session expires: 9 s by default, 3 s here.
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("broker.heartbeat.interval.ms", "500");
        // A development broker: small segments and no huge preallocated indexes keep the data dir small.
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.setProperty("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        return p;
    }

    /** Writes the config, formats storage unless already formatted, and starts the server (blocks until up). */
    void start() throws IOException {
        Files.createDirectories(dataDir);
        Properties config = config();
        Path configFile = dataDir.resolve("kafka.properties");
        try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            config.store(out, "written by io.tributary.localstack.LocalStackMain; rewritten on every start");
        }
        format(configFile, clusterId());
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server = raftServer;
        raftServer.startup();
    }

    /** The cluster id of already formatted storage (a restart must pass the same one), else a new one. */
    private String clusterId() throws IOException {
        Path meta = dataDir.resolve("kafka").resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            String id = properties.getProperty("cluster.id");
            if (id != null && !id.isBlank()) {
                return id.trim();
            }
        }
        return Uuid.randomUuid().toString();
    }

    private static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        String[] args = {"format", "--config", configFile.toString(), "--cluster-id", clusterId, "--ignore-formatted"};
        int code;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            code = StorageTool.execute(args, out);
        }
        if (code != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit code " + code + "): "
                    + buffer.toString(StandardCharsets.UTF_8).trim());
        }
    }

    /** Creates the topics that do not exist yet; waits until the broker has created them. */
    void createTopics(Map<String, Integer> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics = new ArrayList<>();
        topics.forEach((name, partitions) -> newTopics.add(new NewTopic(name, partitions, (short) 1)));
        Properties adminConfig = new Properties();
        adminConfig.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminConfig.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "tributary-local-stack");
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(newTopics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic '" + name + "': " + e.getCause(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topic '" + name + "'", e);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("topic '" + name + "' not created within 30 s", e);
                }
            });
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** Stops the server and waits until it is down; safe to call twice or after a failed start. */
    synchronized void stop() {
        KafkaRaftServer raftServer = server;
        server = null;
        if (raftServer != null) {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        }
    }
}
