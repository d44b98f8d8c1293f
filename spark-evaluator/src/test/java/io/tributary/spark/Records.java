package io.tributary.spark;

import io.tributary.record.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test records. */
public final class Records {
    private Records() {
    }

    /** A record with header key {@code key}, event time {@code seconds} after the epoch, and {@code fields} (name, value, …). */
    public static Record at(String key, long seconds, Object... fields) {
        Record r = new Record();
        r.header().key(key).eventTime(Instant.ofEpochSecond(seconds)).source("test");
        for (int i = 0; i < fields.length; i += 2) r.put((String) fields[i], fields[i + 1]);
        return r;
    }

    public static Record of(String key, Object... fields) {
        Record r = new Record();
        r.header().key(key).source("test");
        for (int i = 0; i < fields.length; i += 2) r.put((String) fields[i], fields[i + 1]);
        return r;
    }

    public static List<Object> field(List<Record> records, String name) {
        List<Object> values = new ArrayList<>();
        for (Record r : records) values.add(r.field(name));
        return values;
    }
}
