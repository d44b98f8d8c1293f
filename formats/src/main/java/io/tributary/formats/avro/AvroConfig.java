package io.tributary.formats.avro;

import static io.tributary.formats.avro.AvroFormat.BINARY;
import static io.tributary.formats.avro.AvroFormat.CODEC;
import static io.tributary.formats.avro.AvroFormat.CONTAINER;
import static io.tributary.formats.avro.AvroFormat.ENCODING;
import static io.tributary.formats.avro.AvroFormat.MAX_BLOCK_BYTES;
import static io.tributary.formats.avro.AvroFormat.READER_SCHEMA;
import static io.tributary.formats.avro.AvroFormat.READER_SCHEMA_FILE;
import static io.tributary.formats.avro.AvroFormat.SCHEMA;
import static io.tributary.formats.avro.AvroFormat.SCHEMA_FILE;
import static io.tributary.formats.avro.AvroFormat.SINGLE_OBJECT;

import io.tributary.config.ConfigException;
import io.tributary.config.ConfigException.Problem;
import io.tributary.config.Settings;
import io.tributary.formats.Limits;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * The validated settings of one Avro parser or writer, with its schemas loaded and checked. Every problem is
 * collected and reported at once, each under its key. Immutable.
 *
 * @param writers the configured writer schemas (empty for a container parser)
 * @param reader the reader schema, or null; never structurally equal to a single writer schema
 */
record AvroConfig(String encoding, List<Schema> writers, Schema reader, String codec, int maxBlockBytes,
        Limits limits) {

    static AvroConfig forParser(Settings settings) {
        return load(settings, false);
    }

    static AvroConfig forWriter(Settings settings) {
        return load(settings, true);
    }

    private static AvroConfig load(Settings settings, boolean forWriter) {
        List<Problem> problems = new ArrayList<>();
        String encoding = settings.get(ENCODING);
        List<Schema> writers = writerSchemas(settings, problems);
        if (settings.isSet(CODEC) && !encoding.equals(CONTAINER)) {
            problems.add(new Problem(CODEC.name(), "applies only to encoding=container, not " + encoding));
        }
        String schemaKey = settings.isSet(SCHEMA) ? SCHEMA.name() : SCHEMA_FILE.name();
        boolean given = settings.isSet(SCHEMA) || !settings.get(SCHEMA_FILE).isEmpty();
        if (!given && (forWriter || !encoding.equals(CONTAINER))) {
            problems.add(new Problem(SCHEMA.name(), (forWriter ? "the writer" : "encoding=" + encoding)
                    + " needs a schema: set schema or schema.file"));
        }
        if (writers.size() > 1 && (forWriter || encoding.equals(BINARY))) {
            problems.add(new Problem(SCHEMA_FILE.name(), (forWriter ? "the writer" : "encoding=binary")
                    + " takes exactly one schema, got " + writers.size()));
        }
        Schema reader = forWriter ? null : readerSchema(settings, problems);
        if (reader != null) {
            String readerKey = settings.isSet(READER_SCHEMA) ? READER_SCHEMA.name() : READER_SCHEMA_FILE.name();
            for (Schema writer : writers) {
                SchemaCompatibility.SchemaPairCompatibility c =
                        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
                if (c.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    problems.add(new Problem(readerKey, "cannot read data written with " + schemaKey + " "
                            + writer.getFullName() + ": " + c.getDescription()));
                }
            }
            if (writers.size() == 1 && reader.equals(writers.get(0))) reader = null;
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new AvroConfig(encoding, List.copyOf(writers), reader, settings.get(CODEC),
                settings.get(MAX_BLOCK_BYTES), Limits.from(settings));
    }

    boolean singleObject() {
        return encoding.equals(SINGLE_OBJECT);
    }

    private static List<Schema> writerSchemas(Settings settings, List<Problem> problems) {
        List<Schema> schemas = new ArrayList<>();
        if (settings.isSet(SCHEMA) && !settings.get(SCHEMA_FILE).isEmpty()) {
            problems.add(new Problem(SCHEMA.name(), "set either schema or schema.file, not both"));
            return schemas;
        }
        if (settings.isSet(SCHEMA)) add(schemas, parse(settings.get(SCHEMA), SCHEMA.name(), "", problems));
        for (String file : settings.get(SCHEMA_FILE)) add(schemas, read(file, SCHEMA_FILE.name(), problems));
        return schemas;
    }

    private static Schema readerSchema(Settings settings, List<Problem> problems) {
        if (settings.isSet(READER_SCHEMA) && settings.isSet(READER_SCHEMA_FILE)) {
            problems.add(new Problem(READER_SCHEMA.name(),
                    "set either reader.schema or reader.schema.file, not both"));
            return null;
        }
        if (settings.isSet(READER_SCHEMA)) {
            return parse(settings.get(READER_SCHEMA), READER_SCHEMA.name(), "", problems);
        }
        if (settings.isSet(READER_SCHEMA_FILE)) {
            return read(settings.get(READER_SCHEMA_FILE), READER_SCHEMA_FILE.name(), problems);
        }
        return null;
    }

    private static void add(List<Schema> schemas, Schema schema) {
        if (schema != null) schemas.add(schema);
    }

    private static Schema read(String file, String key, List<Problem> problems) {
        String json;
        try {
            json = Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            problems.add(new Problem(key, "schema file '" + file + "' does not exist"));
            return null;
        } catch (MalformedInputException e) {
            problems.add(new Problem(key, "schema file '" + file + "' is not UTF-8"));
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(key, "cannot read schema file '" + file + "': " + e));
            return null;
        }
        return parse(json, key, " in file '" + file + "'", problems);
    }

    private static Schema parse(String json, String key, String where, List<Problem> problems) {
        Schema schema;
        try {
            schema = new Schema.Parser().parse(json);
        } catch (RuntimeException e) {
            problems.add(new Problem(key, "invalid Avro schema" + where + ": " + e.getMessage()));
            return null;
        }
        if (schema.getType() != Schema.Type.RECORD) {
            problems.add(new Problem(key, "the schema" + where + " is a " + schema.getType().getName()
                    + "; the top-level type must be a record"));
            return null;
        }
        return schema;
    }
}
