package io.tributary.formats.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.config.ConfigException;
import io.tributary.formats.Formats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option validation: every unusable setting is a {@link ConfigException} naming its key. */
class AvroConfigTest {
    private static final String RECORD = KitData.SCHEMA_JSON;

    private static ConfigException refused(Supplier<?> build) {
        return assertThrows(ConfigException.class, build::get);
    }

    private static void assertProblem(ConfigException e, String key, String text) {
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals(key) && p.message().contains(text)),
                "expected a problem under " + key + " containing '" + text + "', got " + e.problems());
    }

    @Test
    void aContainerParserNeedsNoSchemaButTheOtherEncodingsDo() {
        assertNotNull(Formats.parser("avro", Map.of()));
        assertProblem(refused(() -> Formats.parser("avro", Map.of("encoding", "binary"))), "schema", "needs a schema");
        assertProblem(refused(() -> Formats.parser("avro", Map.of("encoding", "single_object"))), "schema",
                "needs a schema");
        assertProblem(refused(() -> Formats.writer("avro", Map.of())), "schema", "the writer needs a schema");
    }

    @Test
    void aMissingOrUnreadableSchemaFileIsNamed(@TempDir Path dir) throws IOException {
        String missing = dir.resolve("nope.avsc").toString();
        ConfigException e = refused(() -> Formats.parser("avro", Map.of("encoding", "binary", "schema.file", missing)));
        assertProblem(e, "schema.file", "'" + missing + "' does not exist");
        Path latin1 = Files.write(dir.resolve("latin1.avsc"), new byte[] {'{', (byte) 0xE9, '}'});
        assertProblem(refused(() -> Formats.parser("avro", Map.of("encoding", "binary", "schema.file",
                latin1.toString()))), "schema.file", "is not UTF-8");
        Path broken = Files.writeString(dir.resolve("broken.avsc"), "{\"type\":\"record\"");
        assertProblem(refused(() -> Formats.parser("avro", Map.of("encoding", "binary", "schema.file",
                broken.toString()))), "schema.file", "invalid Avro schema in file '" + broken + "'");
        assertProblem(refused(() -> Formats.parser("avro", Map.of("reader.schema.file", missing))),
                "reader.schema.file", "does not exist");
    }

    @Test
    void theTopLevelTypeMustBeARecord() {
        assertProblem(refused(() -> Formats.parser("avro", Map.of("encoding", "binary", "schema", "\"string\""))),
                "schema", "is a string; the top-level type must be a record");
        assertProblem(refused(() -> Formats.parser("avro", Map.of("reader.schema",
                "{\"type\":\"array\",\"items\":\"long\"}"))), "reader.schema", "top-level type must be a record");
        assertProblem(refused(() -> Formats.writer("avro", Map.of("schema", "{\"type\":\"recod\"}"))), "schema",
                "invalid Avro schema");
    }

    @Test
    void invalidCombinationsAreNamedAllAtOnce(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("kit.avsc"), RECORD);
        ConfigException e = refused(() -> Formats.parser("avro", Map.of("encoding", "binary", "schema", RECORD,
                "schema.file", file.toString(), "codec", "deflate", "reader.schema", RECORD,
                "reader.schema.file", file.toString())));
        assertProblem(e, "schema", "either schema or schema.file");
        assertProblem(e, "codec", "applies only to encoding=container");
        assertProblem(e, "reader.schema", "either reader.schema or reader.schema.file");
        assertEquals(3, e.problems().size(), e.problems().toString());
        String two = file + "," + file;
        assertProblem(refused(() -> Formats.parser("avro", Map.of("encoding", "binary", "schema.file", two))),
                "schema.file", "encoding=binary takes exactly one schema, got 2");
        assertProblem(refused(() -> Formats.writer("avro", Map.of("encoding", "single_object", "schema.file", two))),
                "schema.file", "the writer takes exactly one schema");
        assertNotNull(Formats.parser("avro", Map.of("encoding", "single_object", "schema.file", two)));
    }

    @Test
    void aReaderSchemaThatCannotReadTheWriterSchemaIsRefused() {
        String reader = """
                {"type":"record","name":"Kit","namespace":"test.kit","fields":[{"name":"unit","type":"string"}]}""";
        ConfigException e = refused(() -> Formats.parser("avro", Map.of("encoding", "binary", "schema", RECORD,
                "reader.schema", reader)));
        assertProblem(e, "reader.schema", "cannot read data written with schema test.kit.Kit");
        assertEquals(List.of("reader.schema"), e.problems().stream().map(ConfigException.Problem::key).toList());
    }

    @Test
    void unknownOptionsAndBadChoicesAreRefusedByTheOptionSet() {
        assertProblem(refused(() -> Formats.parser("avro", Map.of("encodng", "binary"))), "encodng",
                "unknown option");
        assertProblem(refused(() -> Formats.parser("avro", Map.of("encoding", "json"))), "encoding", "must be one of");
        assertProblem(refused(() -> Formats.writer("avro", Map.of("schema", RECORD, "codec", "snappy"))), "codec",
                "must be one of");
    }
}
