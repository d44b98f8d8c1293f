package io.tributary.origins;

/**
 * A running receiver of one protocol (MQTT subscription, CoAP/HTTP/UDP server).
 *
 * <p>Lifecycle: created by {@link OriginType#create}; {@link #start} is called once, then {@link #close} once
 * (also when start failed). Threading: start and close are called from the agent's control thread; the origin
 * receives on threads of its own and calls {@link Ingest#submit} from them.
 *
 * <p>Contract: acknowledge a sender only after the stage returned by {@link Ingest#submit} completed normally;
 * keep in-flight work bounded; on back-pressure apply the protocol's policy and count every drop; put the
 * remote address in the payload attributes ({@code remote.address}).
 *
 * <p>Stable API since 0.1.
 */
public interface Origin extends AutoCloseable {
    /**
     * Binds or connects and starts receiving into {@code ingest}.
     *
     * @throws Exception when it cannot start (port in use, bad certificate); the agent reports it and stops
     */
    void start(Ingest ingest) throws Exception;

    /** What it listens on or subscribes to, for the agent's log line (e.g. {@code udp://127.0.0.1:5140}). */
    String describe();

    /**
     * Stops receiving promptly (within a few seconds), releases sockets and threads. Payloads already submitted
     * keep their stages; the origin no longer acknowledges anything after close returns. Idempotent.
     */
    @Override
    void close();
}
