package io.tributary.cloud;

import io.tributary.config.ReferenceDoc;
import io.tributary.config.ReferenceDocCheck;
import io.tributary.spark.runner.ChainOptions;
import io.tributary.spark.runner.EvaluatorConfig;
import org.junit.jupiter.api.Test;

/** docs/reference/cloud-job.md is generated from the cloud job's, the sinks' and the stages' declarations. */
class CloudReferenceTest {
    @Test
    void theReferenceIsCurrent() throws Exception {
        ReferenceDoc doc = ReferenceDoc.titled("Cloud job configuration reference", """
                        A cloud job config file (`bin/tributary cloud --config f`, or the shaded jar under spark-submit)
                        is YAML: the keys below, plus `spark.conf` and `kafka.consumer` (maps passed through to Spark
                        and to the Kafka consumer), `evaluator` (chain options), `evaluators` (the chain) and `sinks`.
                        `${NAME}` and `${NAME:-default}` are replaced from the environment; every problem is reported
                        at once by key; unknown keys are errors. A walk-through: docs/cloud-job.md.""")
                .section("Job", "", CloudJobConfig.OPTIONS)
                .section("`evaluator` (chain options)", "", ChainOptions.OPTIONS)
                .section("`evaluators[i]`", "Each entry is `class:` (a SparkTransformer on the classpath) or `type:`"
                        + " (a built-in stage below), with an optional `name` and `params` (scalar values).", null);
        for (String type : SinkConfig.types()) {
            doc.section("`sinks[i]` with `type: " + type + "`", "", SinkConfig.BY_TYPE.get(type));
        }
        doc.plugins("Built-in stages (`evaluators[i].type`)", "Their `params`; checked when the file is read.",
                EvaluatorConfig.stageTypes().all());
        ReferenceDocCheck.assertCurrent("cloud-job.md", doc.render());
    }
}
