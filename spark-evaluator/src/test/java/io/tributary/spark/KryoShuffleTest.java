package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.esotericsoftware.kryo.Kryo;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import io.tributary.spark.testing.LocalSpark;
import io.tributary.spark.window.Window;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/** Records cross Spark shuffles and caches through Kryo with the record serializer, unchanged. */
class KryoShuffleTest {

    private static Record full(int i) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("x", 1.5 * i);
        nested.put("tags", Arrays.asList("a", null, "c"));
        Record r = new Record().put("n", (long) i).put("ok", i % 2 == 0).put("price", new BigDecimal("12.3400"))
                .put("name", "dévice-" + i).put("raw", Bytes.of(new byte[] {1, 2, (byte) i}))
                .put("at", Instant.ofEpochSecond(1_700_000_000L, 123_456_789)).put("none", null)
                .put("location", nested).put("readings", List.of(Map.of("rssi", -60L), Map.of("rssi", -71L)));
        r.header().key("dev-" + (i % 3)).source("mqtt:mall/+/rssi").receivedAt(Instant.ofEpochMilli(1_700_000_000_000L + i))
                .eventTime(Instant.ofEpochMilli(1_699_999_999_000L + i)).attribute("topic", "mall/s1/rssi");
        return r;
    }

    @Test
    void theRegistratorInstallsTheRecordSerializer() {
        JavaSparkContext jsc = LocalSpark.get();
        assertEquals(TributaryKryoRegistrator.NAME, jsc.getConf().get("spark.kryo.registrator"));
        Kryo kryo = new KryoSerializer(jsc.getConf()).newKryo();
        assertEquals("RecordSerializer", kryo.getRegistration(Record.class).getSerializer().getClass().getSimpleName());
    }

    @Test
    void recordsSurviveAShuffleAndACacheUnchanged() {
        JavaSparkContext jsc = LocalSpark.get();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) records.add(full(i));

        List<Record> shuffled = jsc.parallelize(records, 3)
                .mapToPair(r -> new scala.Tuple2<>(r.header().key(), r))
                .repartition(4)
                .values()
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_ONLY_SER())
                .sortBy(r -> (Long) r.field("n"), true, 2)
                .collect();

        assertEquals(records, shuffled);
        assertInstanceOf(Bytes.class, shuffled.get(7).field("raw"));
        assertEquals(new BigDecimal("12.3400"), shuffled.get(7).field("price"), "the scale is kept");
    }

    @Test
    void theRunnerValueClassesRoundTrip() {
        SerializerInstance kryo = new KryoSerializer(LocalSpark.get().getConf()).newInstance();
        StageError error = new StageError(2, "zoner", "com.acme.Zoner", "NO_ZONE: outside the floor plan");
        Window window = new Window(0, 10_000);
        assertEquals(error, roundTrip(kryo, error));
        assertEquals(window, roundTrip(kryo, window));
    }

    @Test
    void jdkImmutableCollectionsInStateRoundTrip() {
        SerializerInstance kryo = new KryoSerializer(LocalSpark.get().getConf()).newInstance();
        List<Object> values = List.of(List.of(), List.of(1L), List.of(1L, 2L, 3L), Map.of(), Map.of("a", 1L),
                Map.of("a", 1L, "b", 2L, "c", 3L), java.util.Set.of("x"), java.util.Set.of("x", "y", "z"),
                java.util.Collections.unmodifiableList(new ArrayList<>(List.of("u"))),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Map.of("k", "v"))),
                java.util.Collections.emptyList(), java.util.Collections.singletonList("s"), Arrays.asList("p", "q"));
        for (Object v : values) assertEquals(v, roundTrip(kryo, v), v.getClass().getName());
    }

    @Test
    void windowStateRoundTrips() {
        SerializerInstance kryo = new KryoSerializer(LocalSpark.get().getConf()).newInstance();
        io.tributary.spark.window.WindowBuffer<long[]> buffer = new io.tributary.spark.window.WindowBuffer<>();
        buffer.open().put(new Window(0, 10_000), new long[] {3});
        buffer.open().put(new Window(10_000, 20_000), new long[] {5});
        io.tributary.spark.window.WindowBuffer<long[]> copy = roundTrip(kryo, buffer);
        assertEquals(List.of(new Window(0, 10_000), new Window(10_000, 20_000)), new ArrayList<>(copy.open().keySet()));
        assertEquals(5, copy.open().get(new Window(10_000, 20_000))[0]);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(SerializerInstance s, T value) {
        ByteBuffer bytes = s.serialize(value, ClassTag$.MODULE$.AnyRef());
        return (T) s.deserialize(bytes, ClassTag$.MODULE$.AnyRef());
    }
}
