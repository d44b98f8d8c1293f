package io.tributary.formats.avro;

import io.tributary.formats.ParserContractKit;
import java.util.List;
import java.util.Map;

/** The parser contract for {@code encoding=binary}: random bytes go straight into the datum decoder. */
class AvroBinaryFormatTest extends ParserContractKit {
    @Override
    protected String format() {
        return "avro";
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("encoding", "binary", "schema", KitData.SCHEMA_JSON);
    }

    @Override
    protected byte[] records(int n) {
        return KitData.binary(KitData.records(n));
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        return KitData.binary(List.of(KitData.large(bytes)));
    }

    @Override
    protected byte[] recordWithValues(int n) {
        return KitData.binary(List.of(KitData.withValues(n)));
    }

    @Override
    protected byte[] nestedRecord(int depth) {
        return KitData.binary(List.of(KitData.nested(depth)));
    }
}
