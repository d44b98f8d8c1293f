package io.tributary.localstack;

/**
 * The lines {@link LocalStackMain} prints on stdout, the whole contract between it and whoever started it
 * ({@link LocalStack}, scripts, CI). Each is printed once, as one line, in this order; the last is
 * {@link #LOCAL_STACK_READY}. A failed start prints {@link #LOCAL_STACK_FAILED} and exits non-zero.
 */
final class ReadyLines {

    /** {@code KAFKA_READY bootstrap=127.0.0.1:<port>}. */
    static final String KAFKA_READY = "KAFKA_READY bootstrap=";
    /** {@code MQTT_READY url=tcp://127.0.0.1:<port>}. */
    static final String MQTT_READY = "MQTT_READY url=";
    static final String LOCAL_STACK_READY = "LOCAL_STACK_READY";
    /** {@code LOCAL_STACK_FAILED <reason>}. */
    static final String LOCAL_STACK_FAILED = "LOCAL_STACK_FAILED ";

    static final String HOST = "127.0.0.1";

    private ReadyLines() {
    }
}
