package io.tributary.simulator.scenario;

import java.util.List;

/**
 * A scheduled fault (scenario list {@code faults}). Times are milliseconds after the scenario's start.
 */
public sealed interface FaultSpec {
    /** The fault's name in scenario and truth files. */
    String type();

    long startMs();

    /** When it stops; equal to the start for instant faults. */
    long endMs();

    /** The sensor sends nothing. */
    record DeadSensor(String sensor, long startMs, long endMs) implements FaultSpec {
        public String type() {
            return "dead_sensor";
        }
    }

    /** Every reading of the sensor carries the same RSSI: {@code rssiDbm}, or NaN for its last RSSI before. */
    record StuckSensor(String sensor, long startMs, long endMs, double rssiDbm) implements FaultSpec {
        public String type() {
            return "stuck_sensor";
        }
    }

    /** The sensor's readings gain an offset growing by {@code dbPerMin} from the start. */
    record DriftingSensor(String sensor, long startMs, long endMs, double dbPerMin) implements FaultSpec {
        public String type() {
            return "drifting_sensor";
        }
    }

    /**
     * A device jumps at least {@code minDistanceM} at once: the named shopper's, or (null) one walking then.
     */
    record Teleport(String shopper, long startMs, double minDistanceM) implements FaultSpec {
        public String type() {
            return "teleport";
        }

        public long endMs() {
            return startMs;
        }
    }

    /** Payloads of a group (or of one of its sensors) are corrupted with {@code probability}. */
    record MalformedBurst(String group, String sensor, long startMs, long endMs, double probability,
            List<String> kinds) implements FaultSpec {
        public String type() {
            return "malformed_burst";
        }
    }
}
