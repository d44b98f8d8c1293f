package io.tributary.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import io.tributary.record.RecordKryo;
import io.tributary.spark.window.Window;
import java.util.List;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * The Kryo registrator of every Tributary Spark job: {@code spark.serializer=org.apache.spark.serializer.KryoSerializer}
 * and {@code spark.kryo.registrator=io.tributary.spark.TributaryKryoRegistrator}. Registers the record model
 * ({@link RecordKryo}), the small value classes the runner ships between tasks, and Java serialization for the
 * JDK's immutable and wrapper collections ({@code List.of}, {@code Map.of}, {@code Collections.unmodifiable…},
 * {@code Arrays.asList}, …), which Kryo's own collection serializer cannot rebuild: they turn up in evaluators'
 * state, and fail only when Spark spills that state to disk and reads it back.
 *
 * <p>Every JVM of a job must use this same class, so that classes get the same Kryo ids everywhere.
 *
 * <p>Stable API since 0.1 (the class name is part of job configurations).
 *
 * @since 0.1
 */
public final class TributaryKryoRegistrator implements KryoRegistrator {
    /** The value for {@code spark.kryo.registrator}. */
    public static final String NAME = TributaryKryoRegistrator.class.getName();

    private static final List<String> JDK_COLLECTIONS = List.of(
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$SubList", "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$SetN", "java.util.ImmutableCollections$Map1",
            "java.util.ImmutableCollections$MapN", "java.util.Arrays$ArrayList",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableSet",
            "java.util.Collections$UnmodifiableSortedSet", "java.util.Collections$UnmodifiableNavigableSet",
            "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableSortedMap",
            "java.util.Collections$UnmodifiableNavigableMap", "java.util.Collections$EmptyList",
            "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap", "java.util.Collections$SingletonList",
            "java.util.Collections$SingletonSet", "java.util.Collections$SingletonMap");

    @Override
    public void registerClasses(Kryo kryo) {
        RecordKryo.register(kryo);
        kryo.register(StageError.class);
        kryo.register(Window.class);
        JavaSerializer java = new JavaSerializer();
        for (String name : JDK_COLLECTIONS) {
            try {
                kryo.register(Class.forName(name), java);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("This JDK lacks " + name + "; Kryo ids would differ between JVMs", e);
            }
        }
    }
}
