package io.tributary.agent.testing;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.origins.Ingest;
import io.tributary.origins.IngestResult;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import io.tributary.origins.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** An in-process origin for agent tests: tests hand it payloads through {@link #origin(String)}. */
public final class TestOriginType implements OriginType {
    private static final Map<String, TestOrigin> RUNNING = new ConcurrentHashMap<>();
    static final Option<String> CHANNEL = Option.string("channel", "test", "Source channel name.");

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String description() {
        return "In-process origin driven by tests.";
    }

    @Override
    public OptionSet options() {
        return OptionSet.of(CHANNEL);
    }

    @Override
    public Origin create(Settings settings, OriginContext context) {
        return new TestOrigin(context.originId(), settings.get(CHANNEL));
    }

    /** The started origin with this id. */
    public static TestOrigin origin(String id) {
        TestOrigin o = RUNNING.get(id);
        if (o == null) throw new IllegalStateException("No started test origin " + id + "; running: " + RUNNING.keySet());
        return o;
    }

    /** A test origin: {@link #send} is what a network client's message would be. */
    public static final class TestOrigin implements Origin {
        private final String id;
        private final String channel;
        private volatile Ingest ingest;

        TestOrigin(String id, String channel) {
            this.id = id;
            this.channel = channel;
        }

        @Override
        public void start(Ingest ingest) {
            this.ingest = ingest;
            RUNNING.put(id, this);
        }

        public CompletionStage<IngestResult> send(byte[] body, String contentType) {
            Ingest target = ingest;
            if (target == null) return CompletableFuture.failedFuture(new IllegalStateException("closed"));
            return target.submit(new Payload(body, "test:" + channel, contentType, Map.of("remote.address", "in-process"),
                    Instant.now()));
        }

        public CompletionStage<IngestResult> send(String body) {
            return send(body.getBytes(StandardCharsets.UTF_8), null);
        }

        @Override
        public String describe() {
            return "test:" + channel;
        }

        @Override
        public void close() {
            ingest = null;
            RUNNING.remove(id, this);
        }
    }
}
