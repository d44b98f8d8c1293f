package io.tributary.origins;

import java.util.concurrent.CompletionStage;

/**
 * Where an origin hands what it receives: the agent's pipeline.
 *
 * <p>Stable API since 0.1. Thread-safe: origins call {@link #submit} from their own I/O threads, concurrently.
 * It never blocks on I/O.
 */
public interface Ingest {
    /**
     * Takes one payload. The stage completes normally once every record and error record from it is durable
     * (acknowledged by Kafka, or fsynced to the spool): only then may the origin acknowledge its sender. It
     * completes exceptionally with {@link BackPressureException} or {@link UnsupportedContentTypeException}
     * when nothing was kept; with any other exception, nothing may be assumed kept either. Stages complete on
     * an agent thread: do not block in callbacks.
     */
    CompletionStage<IngestResult> submit(Payload payload);
}
