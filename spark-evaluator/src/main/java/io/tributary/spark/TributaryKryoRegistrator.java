package io.tributary.spark;

import com.esotericsoftware.kryo.Kryo;
import io.tributary.record.RecordKryo;
import io.tributary.spark.window.Window;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * The Kryo registrator of every Tributary Spark job: {@code spark.serializer=org.apache.spark.serializer.KryoSerializer}
 * and {@code spark.kryo.registrator=io.tributary.spark.TributaryKryoRegistrator}. Registers the record model
 * ({@link RecordKryo}) and the small value classes the runner ships between tasks. Every JVM of a job must
 * use this same class, so that classes get the same Kryo ids everywhere.
 *
 * <p>Stable API since 0.1 (the class name is part of job configurations).
 *
 * @since 0.1
 */
public final class TributaryKryoRegistrator implements KryoRegistrator {
    /** The value for {@code spark.kryo.registrator}. */
    public static final String NAME = TributaryKryoRegistrator.class.getName();

    @Override
    public void registerClasses(Kryo kryo) {
        RecordKryo.register(kryo);
        kryo.register(StageError.class);
        kryo.register(Window.class);
    }
}
