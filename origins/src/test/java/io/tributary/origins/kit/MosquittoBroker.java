package io.tributary.origins.kit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Mosquitto broker (Debian package {@code mosquitto}) as a child process, for tests: a generated config
 * on a free port of 127.0.0.1, anonymous access, no queue limit, full logging to a list the test can read. The
 * log is how a test sees what the broker received from a subscriber (its PUBACKs and PUBCOMPs): see
 * {@link #acked}. Stop, kill and start again on the same port to test reconnection.
 *
 * <pre>{@code
 * try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
 *     String url = broker.url(); // tcp://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class MosquittoBroker implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Pattern SENT = Pattern.compile("^Sending PUBLISH to (\\S+) \\(d(\\d), q(\\d), r\\d, m(\\d+), '(.*)', \\.\\.\\. \\(\\d+ bytes\\)\\)$");
    private static final Pattern ACKED = Pattern.compile("^Received (PUBACK|PUBCOMP) from (\\S+) \\(Mid: (\\d+)");

    /** Builds the broker's configuration. */
    public static final class Builder {
        private final List<String> lines = new ArrayList<>();
        private boolean persistence;
        private boolean anonymous = true;

        /** A line of mosquitto.conf, applied to the listener (e.g. {@code certfile /x/server.pem}). */
        public Builder line(String line) {
            lines.add(line);
            return this;
        }

        /** Keep sessions and queued messages across a {@link #stop()}/{@link #start()} (in the broker's dir). */
        public Builder persistence(boolean on) {
            persistence = on;
            return this;
        }

        public Builder anonymous(boolean allowed) {
            anonymous = allowed;
            return this;
        }

        public MosquittoBroker start() throws IOException, InterruptedException {
            MosquittoBroker broker = new MosquittoBroker(this);
            broker.start();
            return broker;
        }
    }

    private final Path dir;
    private final int port;
    private final Path config;
    private final List<String> log = new ArrayList<>(); // guarded by itself
    private Process process;

    private MosquittoBroker(Builder b) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install -y --no-install-recommends "
                    + "mosquitto mosquitto-clients");
        }
        dir = Files.createTempDirectory("mosquitto-test");
        port = freePort();
        List<String> conf = new ArrayList<>(List.of(
                "per_listener_settings false",
                "allow_anonymous " + b.anonymous,
                "persistence " + b.persistence,
                "persistence_location " + dir + "/",
                "max_queued_messages 0",
                "log_dest stdout",
                "log_type all",
                "log_timestamp false",
                "user " + System.getProperty("user.name"), // stay this user (as root it would switch to mosquitto)
                "listener " + port + " 127.0.0.1"));
        conf.addAll(b.lines);
        config = dir.resolve("mosquitto.conf");
        Files.write(config, conf);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts (again) on the same port; waits until it listens. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) return;
        int from = log().size();
        // stdbuf: mosquitto block-buffers its log when stdout is a pipe; line buffering lets tests follow it
        Process p = new ProcessBuilder("stdbuf", "-oL", BINARY.toString(), "-c", config.toString())
                .redirectErrorStream(true).start();
        process = p;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (log) {
                        log.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "mosquitto-log-" + port);
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IllegalStateException("mosquitto exited: " + String.join("\n", log()));
            List<String> lines = log();
            for (int i = from; i < lines.size(); i++) if (lines.get(i).endsWith(" running")) return;
            Thread.sleep(5);
        }
        p.destroyForcibly().waitFor();
        throw new IllegalStateException("mosquitto did not start within 10 s: " + String.join("\n", log()));
    }

    /** Stops it as a service manager would (SIGTERM; a persistent broker saves its state). */
    public synchronized void stop() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    /** Kills it (SIGKILL): clients see their connection drop, nothing is saved. */
    public synchronized void kill() throws InterruptedException {
        if (process == null) return;
        process.destroyForcibly().waitFor();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    /** Every line the broker logged so far, across restarts. */
    public List<String> log() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    public boolean awaitLog(Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        do {
            List<String> lines = log();
            for (; from < lines.size(); from++) if (line.test(lines.get(from))) return true;
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /**
     * Whether the subscriber {@code clientId} acknowledged (PUBACK, or PUBCOMP for QoS 2) the last message the
     * broker sent it on {@code topic}. A QoS 0 delivery counts as acknowledged once sent.
     */
    public boolean acked(String clientId, String topic) {
        List<String> lines = log();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher sent = SENT.matcher(lines.get(i));
            if (!sent.matches() || !sent.group(1).equals(clientId) || !sent.group(5).equals(topic)) continue;
            if (sent.group(3).equals("0")) return true;
            String mid = sent.group(4);
            for (int j = i + 1; j < lines.size(); j++) {
                Matcher ack = ACKED.matcher(lines.get(j));
                if (ack.find() && ack.group(2).equals(clientId) && ack.group(3).equals(mid)) return true;
            }
            return false;
        }
        return false;
    }

    public boolean awaitAcked(String clientId, String topic, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (acked(clientId, topic)) return true;
            Thread.sleep(5);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** The topics of the messages {@code clientId} acknowledged, in the order the broker received the acks. */
    public List<String> ackedTopics(String clientId) {
        List<String> lines = log();
        List<String> topics = new ArrayList<>();
        java.util.Map<String, String> topicByMid = new java.util.HashMap<>();
        for (String line : lines) {
            Matcher sent = SENT.matcher(line);
            if (sent.matches() && sent.group(1).equals(clientId)) {
                topicByMid.put(sent.group(4), sent.group(5));
                continue;
            }
            Matcher ack = ACKED.matcher(line);
            if (ack.find() && ack.group(2).equals(clientId)) topics.add(topicByMid.get(ack.group(3)));
        }
        return topics;
    }

    /** How many times the broker sent {@code clientId} a message flagged as a duplicate (a redelivery). */
    public long redeliveries(String clientId) {
        return log().stream().map(SENT::matcher)
                .filter(m -> m.matches() && m.group(1).equals(clientId) && m.group(2).equals("1")).count();
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port of 127.0.0.1 that was free a moment ago (e.g. for a second listener). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
