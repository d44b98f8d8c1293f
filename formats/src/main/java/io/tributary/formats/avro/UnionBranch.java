package io.tributary.formats.avro;

import io.tributary.record.Bytes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** Picks the union branch a writer encodes a value with. Stateless. */
final class UnionBranch {
    private UnionBranch() {
    }

    /** The first branch that takes {@code v} exactly, else the first that accepts it, else -1. */
    static int of(Schema union, Object v) {
        List<Schema> types = union.getTypes();
        for (int i = 0; i < types.size(); i++) if (fits(types.get(i), v, true)) return i;
        for (int i = 0; i < types.size(); i++) if (fits(types.get(i), v, false)) return i;
        return -1;
    }

    private static boolean fits(Schema s, Object v, boolean exact) {
        LogicalType logical = s.getLogicalType();
        String name = logical == null ? "" : logical.getName();
        return switch (s.getType()) {
            case NULL -> v == null;
            case BOOLEAN -> v instanceof Boolean;
            case INT -> name.equals("date") ? v instanceof Instant || !exact && isInt(v) : isInt(v);
            case LONG -> name.contains("timestamp-") ? v instanceof Instant || !exact && v instanceof Long
                    : v instanceof Long;
            case FLOAT -> !exact && (v instanceof Double || v instanceof Long);
            case DOUBLE -> v instanceof Double || !exact && v instanceof Long;
            case STRING -> v instanceof String;
            case BYTES -> logical instanceof LogicalTypes.Decimal || logical instanceof LogicalTypes.BigDecimal
                    ? v instanceof BigDecimal : v instanceof Bytes;
            case FIXED -> logical instanceof LogicalTypes.Decimal ? v instanceof BigDecimal
                    : name.equals("uuid") && v instanceof String
                            || v instanceof Bytes b && b.length() == s.getFixedSize();
            case ENUM -> v instanceof String text && s.getEnumSymbols().contains(text);
            case ARRAY -> v instanceof List;
            case MAP -> v instanceof Map;
            case RECORD -> v instanceof Map<?, ?> m && fieldsOf(s, m);
            case UNION -> false;
        };
    }

    private static boolean isInt(Object v) {
        return v instanceof Long n && n == n.intValue();
    }

    private static boolean fieldsOf(Schema record, Map<?, ?> m) {
        for (Object key : m.keySet()) if (record.getField(String.valueOf(key)) == null) return false;
        return true;
    }
}
