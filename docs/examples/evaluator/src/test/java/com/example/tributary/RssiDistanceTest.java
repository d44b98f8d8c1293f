package com.example.tributary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.record.Record;
import io.tributary.spark.EvaluatorException;
import io.tributary.spark.testing.BatchOutput;
import io.tributary.spark.testing.TransformerHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RssiDistanceTest {

    private static Record reading(String device, Object rssi) {
        Record r = new Record().put("rssi", rssi);
        r.header().key(device);
        return r;
    }

    @Test
    void addsTheDistanceAndRoutesRecordsWithoutRssiToTheErrors() {
        try (TransformerHarness h = TransformerHarness.of(new RssiDistance(), Map.of("path.loss.exponent", "2"))) {
            BatchOutput out = h.run(reading("aa:01", -59L), reading("aa:02", -79L), reading("aa:03", "weak"));

            assertEquals(List.of(1.0, 10.0), out.results().stream().map(r -> r.field("distance_m")).toList());
            assertEquals(List.of("NO_RSSI: no number at /rssi"), out.errorReasons());
            assertEquals("aa:03", out.errorRecords().get(0).header().key());
        }
    }

    @Test
    void aMistypedParamStopsTheStart() {
        EvaluatorException e = assertThrows(EvaluatorException.class,
                () -> TransformerHarness.of(new RssiDistance(), Map.of("tx.power", "-60")));
        assertTrue(e.getMessage().contains("tx.power: unknown option"), e.getMessage());
    }
}
