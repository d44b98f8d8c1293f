package io.tributary.simulator.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * Sends a sensor group's payloads: to files, or over HTTP, UDP, MQTT or CoAP.
 *
 * <p>Lifecycle: {@link #start()} once (connects where the protocol has connections), then {@link #send} any
 * number of times, then {@link #close} once. Threading: {@code start}, {@code send} and {@code close} are called
 * by the simulation thread only; {@link #stats()} may be read from any thread. Errors: {@code start} throws when
 * the transport cannot work at all (no broker at the endpoint, an unwritable directory); after that, delivery
 * problems never throw: they are counted in {@link #stats()}. {@code send} returns as soon as the payload is
 * handed over; it waits only while the transport's in-flight limit is full (at most {@code block.ms}), which is
 * how a fast simulation is held back to what the receiver takes.
 *
 * <p>Stable API since 0.1 (experimental: new transports may need more hooks).
 */
public interface Transport {
    void start() throws IOException;

    /** Hands over one payload. {@code m.payload()} is not modified and may be kept. */
    void send(Message m);

    TransportStats stats();

    /** Waits up to {@code timeout} for payloads in flight to be answered, then releases everything. */
    void close(Duration timeout);
}
