package io.tributary.spark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Record;
import io.tributary.spark.Records;
import io.tributary.spark.SparkTransformer;
import io.tributary.spark.TransformResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class TransformerHarnessTest {

    /** Upper-cases /name; a record without a name is an error. */
    public static final class UpperName extends SparkTransformer {
        @Override
        public TransformResult transform(JavaRDD<Record> batch) {
            JavaRDD<Record> results = batch.filter(r -> r.field("name") != null)
                    .map(r -> r.copy().put("name", ((String) r.field("name")).toUpperCase(Locale.ROOT)));
            JavaPairRDD<Record, String> errors = batch.filter(r -> r.field("name") == null)
                    .mapToPair(r -> new Tuple2<>(r, "NO_NAME: the record has no /name"));
            return TransformResult.of(results, errors);
        }
    }

    @Test
    void runsAStatelessTransformerOverAListInAFewLines() {
        try (TransformerHarness h = TransformerHarness.of(new UpperName())) {
            BatchOutput out = h.run(Records.of("a", "name", "ada"), Records.of("b", "size", 3L),
                    Records.of("c", "name", "grace"));

            assertEquals(List.of("ADA", "GRACE"), Records.field(out.results(), "name"));
            assertEquals(List.of("NO_NAME: the record has no /name"), out.errorReasons());
            assertEquals("b", out.errorRecords().get(0).header().key());
            assertEquals("UpperName", out.errors().get(0).getValue().stageName());
            assertEquals(3, out.stats().inputRecords());
            assertEquals(2, out.stats().resultRecords());
            assertEquals(1, out.stats().errorRecords());
        }
    }

    @Test
    void emptyBatchesGiveEmptyLists() {
        try (TransformerHarness h = TransformerHarness.of(new UpperName(), Map.of())) {
            BatchOutput out = h.run(List.of());
            assertTrue(out.results().isEmpty());
            assertTrue(out.errors().isEmpty());
            assertEquals(0, out.stats().inputRecords());
        }
    }
}
