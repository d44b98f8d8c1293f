package io.tributary.formats.avro;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Format;
import io.tributary.formats.Parser;
import io.tributary.formats.Writer;
import java.util.List;

/**
 * The {@code avro} format: Avro object container files, raw binary datums with a configured schema, or Avro
 * single-object encoding. The top-level schema is always a record; each datum becomes one record. See
 * {@code docs/formats/avro.md} for the value mapping.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class AvroFormat implements Format {
    public static final String CONTAINER = "container";
    public static final String BINARY = "binary";
    public static final String SINGLE_OBJECT = "single_object";

    public static final Option<String> ENCODING = Option.choice("encoding", CONTAINER,
            "How datums are framed: 'container' (an Avro object container file; its schema is embedded), "
                    + "'binary' (one or more raw binary datums back to back, written with the configured schema) "
                    + "or 'single_object' (Avro single-object encoding: C3 01, the schema's 8-byte CRC-64-AVRO "
                    + "fingerprint, then the datum; several may follow each other).",
            CONTAINER, BINARY, SINGLE_OBJECT);
    public static final Option<String> SCHEMA = Option.string("schema", null,
            "The writer schema as inline JSON; a record. Required by the binary and single_object parsers and by "
                    + "every writer; a container parser reads the schema embedded in the file instead.");
    public static final Option<List<String>> SCHEMA_FILE = Option.list("schema.file", List.of(),
            "Path(s) of .avsc files holding the writer schema, instead of 'schema'. Several files only for the "
                    + "single_object parser: each is one candidate, found by fingerprint (each file is parsed on "
                    + "its own, so versions of one record may share a name).");
    public static final Option<String> READER_SCHEMA = Option.string("reader.schema", null,
            "Optional reader schema as inline JSON (a record): datums are resolved to it by Avro's schema "
                    + "resolution rules (added fields take their defaults, removed ones are dropped, numbers are "
                    + "promoted). Parsers only.");
    public static final Option<String> READER_SCHEMA_FILE = Option.string("reader.schema.file", null,
            "Path of an .avsc file holding the reader schema, instead of 'reader.schema'.");
    public static final Option<String> CODEC = Option.choice("codec", "null",
            "Compression of the blocks the writer puts in a container file: 'null' or 'deflate'. "
                    + "Only for encoding=container; the parser reads null, deflate and snappy whatever is set.",
            "null", "deflate");
    public static final Option<Integer> MAX_BLOCK_BYTES = Option.intValue("max.block.bytes", 16 << 20, 1,
            Integer.MAX_VALUE - 16, "Largest size a compressed container block may decompress to, in bytes; "
                    + "a larger block is skipped (" + ErrorCode.RECORD_TOO_LARGE + ") and parsing goes on with the "
                    + "next.");

    private static final OptionSet OPTIONS = OptionSet.of(ENCODING, SCHEMA, SCHEMA_FILE, READER_SCHEMA,
            READER_SCHEMA_FILE, CODEC, MAX_BLOCK_BYTES);

    @Override
    public String name() {
        return "avro";
    }

    @Override
    public String description() {
        return "Apache Avro: object container files, raw binary datums or single-object encoded datums";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Parser parser(Settings settings) {
        AvroConfig config = AvroConfig.forParser(settings);
        if (config.encoding().equals(CONTAINER)) return new AvroContainerParser(config);
        return new AvroDatumParser(config);
    }

    @Override
    public boolean hasWriter() {
        return true;
    }

    @Override
    public Writer writer(Settings settings) {
        return new AvroWriter(AvroConfig.forWriter(settings));
    }
}
