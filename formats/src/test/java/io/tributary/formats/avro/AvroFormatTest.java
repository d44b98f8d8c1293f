package io.tributary.formats.avro;

import io.tributary.formats.ParserContractKit;
import java.util.List;
import org.apache.avro.file.CodecFactory;

/** The parser contract for {@code encoding=container} (the default), on deflate-compressed files. */
class AvroFormatTest extends ParserContractKit {
    @Override
    protected String format() {
        return "avro";
    }

    @Override
    protected byte[] records(int n) {
        return KitData.container(KitData.records(n), CodecFactory.deflateCodec(6));
    }

    @Override
    protected byte[] largeRecord(int bytes) {
        return KitData.container(List.of(KitData.large(bytes)), CodecFactory.deflateCodec(6));
    }

    @Override
    protected byte[] recordWithValues(int n) {
        return KitData.container(List.of(KitData.withValues(n)), CodecFactory.deflateCodec(6));
    }

    @Override
    protected byte[] nestedRecord(int depth) {
        return KitData.container(List.of(KitData.nested(depth)), CodecFactory.deflateCodec(6));
    }
}
