package io.tributary.agent.config;

import io.tributary.agent.processor.Processors;
import io.tributary.config.ReferenceDoc;
import io.tributary.config.ReferenceDocCheck;
import org.junit.jupiter.api.Test;

/** docs/reference/agent.md is generated from the agent config's option declarations. */
class AgentReferenceTest {
    @Test
    void theReferenceIsCurrent() throws Exception {
        ReferenceDocCheck.assertCurrent("agent.md", ReferenceDoc.titled("Agent configuration reference", """
                        An agent config file (`bin/tributary agent --config f`, checked by `bin/tributary validate f`) is
                        YAML with three top-level sections: `agent`, `admin` and `pipelines`. `${NAME}` and
                        `${NAME:-default}` are replaced from the environment; every problem is reported at once by key;
                        unknown keys are errors. A walk-through with examples: docs/agent/.""")
                .section("`agent`", "", AgentConfig.AGENT_OPTIONS)
                .section("`admin`", "The HTTP endpoint serving `/metrics` (Prometheus) and `/health`.",
                        AdminConfig.OPTIONS)
                .section("`pipelines[i]`", "One pipeline: `origins` -> `format` -> `processors` -> `destination`,"
                        + " with its `spool`. Besides these keys: `origins` (list; see origins.md), `format` (`type`"
                        + " plus options; see formats.md), `content.types` (a format per content type, for HTTP and"
                        + " CoAP), `processors` (list, below), `destination`, `spool`.", PipelineConfig.OPTIONS)
                .section("`pipelines[i].destination`", "The Kafka topics. `producer:` passes further Kafka producer"
                        + " properties through; the agent's defaults are acks=all, idempotence, lz4, linger.ms 5,"
                        + " batch.size 64 KiB, max.block.ms 2000, request.timeout.ms 5000, delivery.timeout.ms 15000.",
                        DestinationConfig.OPTIONS)
                .section("`pipelines[i].spool`", "The local store-and-forward spool used while Kafka is unreachable.",
                        SpoolConfig.OPTIONS)
                .plugins("Processors (`pipelines[i].processors`)", "Applied to every record in order; each entry is"
                        + " `type` plus its options. Examples: docs/processors.md.", Processors.all())
                .render());
    }
}
