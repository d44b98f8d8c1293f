package io.tributary.formats;

/**
 * Turns payloads of one format into records.
 *
 * <p>Lifecycle: built by {@link Format#parser} from validated settings; it holds no resources and needs no
 * closing. Threading: immutable and safe for concurrent use by any number of threads. Errors: never throws
 * for bad data. Every part of a payload that cannot be parsed becomes a {@link ParseError} with a stable code
 * and, where the format allows, parsing carries on with the next record. Exceptions are for bugs only.
 *
 * <p>Stable API since 0.1.
 */
public interface Parser {
    /**
     * Parses one payload (a message body, a datagram, a file) and reports each record and error to
     * {@code sink} in payload order. The array is not modified and not kept.
     */
    void parse(byte[] payload, RecordSink sink);
}
