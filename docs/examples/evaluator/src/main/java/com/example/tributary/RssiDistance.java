package com.example.tributary;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.record.Record;
import io.tributary.spark.SparkTransformer;
import io.tributary.spark.TransformResult;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Adds {@code distance_m}, the distance from the sensor estimated from the signal strength at {@code rssi} with
 * the log-distance path-loss model: {@code d = 10 ^ ((txPower - rssi) / (10 * n))}. A record without a numeric
 * RSSI goes to the errors as {@code NO_RSSI}.
 *
 * <p>Params: {@code tx.power.dbm} (RSSI at one metre, default -59), {@code path.loss.exponent} (default 2.0,
 * free space; 2.5 to 4 indoors), {@code field} (default {@code /rssi}).
 */
public final class RssiDistance extends SparkTransformer {
    static final Option<Double> TX_POWER = Option.doubleValue("tx.power.dbm", -59.0, "RSSI measured at 1 m");
    static final Option<Double> EXPONENT = Option.doubleValue("path.loss.exponent", 2.0, "Path-loss exponent")
            .validate(n -> n > 0 ? null : "must be positive");
    static final Option<String> FIELD = Option.string("field", "/rssi", "Where the RSSI (dBm) is");
    static final OptionSet OPTIONS = OptionSet.of(TX_POWER, EXPONENT, FIELD);

    private double txPower;
    private double exponent;
    private String field;

    @Override
    public void init(JavaSparkContext context, Map<String, String> params) {
        Settings s = OPTIONS.parse(params); // unknown or invalid params stop the job at start, by key
        txPower = s.get(TX_POWER);
        exponent = s.get(EXPONENT);
        field = s.get(FIELD);
    }

    @Override
    public TransformResult transform(JavaRDD<Record> batch) {
        // Copy the fields into locals: a lambda that read this.field would capture (and try to ship) this object.
        double tx = txPower;
        double n = exponent;
        String path = field;

        JavaRDD<Record> results = batch.filter(r -> r.get(path) instanceof Number)
                .map(r -> r.copy().put("distance_m", distance(((Number) r.get(path)).doubleValue(), tx, n)));
        JavaPairRDD<Record, String> errors = batch.filter(r -> !(r.get(path) instanceof Number))
                .mapToPair(r -> new Tuple2<>(r, "NO_RSSI: no number at " + path));
        return TransformResult.of(results, errors);
    }

    static double distance(double rssi, double txPower, double exponent) {
        return Math.round(Math.pow(10, (txPower - rssi) / (10 * exponent)) * 100) / 100.0;
    }
}
