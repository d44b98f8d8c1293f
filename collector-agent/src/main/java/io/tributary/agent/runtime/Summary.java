package io.tributary.agent.runtime;

import io.tributary.agent.pipeline.PipelineMetrics;
import java.util.List;

/** The periodic one-line summary of what every pipeline did. */
final class Summary {
    private final List<PipelineRuntime> pipelines;

    Summary(List<PipelineRuntime> pipelines) {
        this.pipelines = pipelines;
    }

    String line() {
        StringBuilder sb = new StringBuilder("summary:");
        for (PipelineRuntime p : pipelines) {
            PipelineMetrics m = p.metrics();
            if (m == null) continue;
            sb.append(" [").append(p.name()).append(": payloads=").append((long) m.payloadsInTotal())
                    .append(" records=").append((long) m.recordsOutTotal())
                    .append(" errors=").append((long) m.errorsTotal())
                    .append(" spooling=").append(p.delivery().isSpooling()).append(']');
        }
        return sb.toString();
    }
}
