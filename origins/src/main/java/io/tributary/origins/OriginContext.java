package io.tributary.origins;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What the agent gives an origin it creates.
 *
 * <p>Stable API since 0.1. Immutable.
 *
 * @param agentId the agent's id
 * @param originId this origin's id, unique in the agent (from config, or {@code <type>-<n>})
 * @param pipeline the pipeline's name
 * @param metrics where the origin registers its meters, tagged with {@link #tags()}
 */
public record OriginContext(String agentId, String originId, String pipeline, MeterRegistry metrics) {
    /** The tags every meter of this origin carries. */
    public Tags tags() {
        return Tags.of("origin", originId, "pipeline", pipeline);
    }
}
