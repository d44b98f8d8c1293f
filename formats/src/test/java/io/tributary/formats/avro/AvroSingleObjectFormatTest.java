package io.tributary.formats.avro;

import io.tributary.formats.ParserContractKit;
import java.util.List;
import java.util.Map;

/** The parser contract for {@code encoding=single_object}, with Avro's own {@code BinaryMessageEncoder}. */
class AvroSingleObjectFormatTest extends ParserContractKit {
    @Override
    protected String format() {
        return "avro";
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("encoding", "single_object", "schema", KitData.SCHEMA_JSON);
    }

    @Override
    protected byte[] records(int n) {
        return KitData.singleObject(KitData.records(n));
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        return KitData.singleObject(List.of(KitData.large(bytes)));
    }

    @Override
    protected byte[] recordWithValues(int n) {
        return KitData.singleObject(List.of(KitData.withValues(n)));
    }

    @Override
    protected byte[] nestedRecord(int depth) {
        return KitData.singleObject(List.of(KitData.nested(depth)));
    }
}
