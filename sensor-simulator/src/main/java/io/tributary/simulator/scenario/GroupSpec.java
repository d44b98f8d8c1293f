package io.tributary.simulator.scenario;

import io.tributary.config.Settings;
import java.util.List;
import java.util.Map;

/**
 * A sensor group: sensors that report the same way (scenario list {@code groups}).
 *
 * @param transportType {@code file}, {@code http}, {@code udp}, {@code mqtt} or {@code coap}
 * @param transport the transport's validated options
 * @param formatType a registered format with a writer
 * @param formatOptions the format's options as written in the scenario (validated at load)
 * @param reportIntervalMs each sensor sends what it has at least this often
 * @param readingsPerMessage at most this many readings per payload; a full payload is sent at once
 */
public record GroupSpec(String name, List<String> sensorIds, String transportType, Settings transport,
        String formatType, Map<String, Object> formatOptions, long reportIntervalMs, int readingsPerMessage) {
}
