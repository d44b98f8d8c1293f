package io.tributary.formats.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.tributary.config.ConfigException;
import io.tributary.formats.CollectingSink;
import io.tributary.formats.Formats;
import io.tributary.formats.protobuf.gen.LegacyReading;
import io.tributary.formats.protobuf.gen.Sensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options of the protobuf format: the descriptor set and message type, and every way they can be wrong. */
class ProtobufConfigTest {
    @TempDir
    Path dir;

    private static Map<String, String> options(Path set, String type, String... more) {
        Map<String, String> options = new HashMap<>();
        options.put("descriptor.file", set.toString());
        options.put("message.type", type);
        for (int i = 0; i < more.length; i += 2) options.put(more[i], more[i + 1]);
        return options;
    }

    private static ConfigException rejected(Map<String, String> options) {
        return assertThrows(ConfigException.class, () -> Formats.parser("protobuf", options));
    }

    private static List<String> keys(ConfigException e) {
        return e.problems().stream().map(ConfigException.Problem::key).toList();
    }

    @Test
    void descriptorFileAndMessageTypeAreRequired() {
        assertEquals(List.of("descriptor.file", "message.type"), keys(rejected(Map.of())));
    }

    @Test
    void unreadableOrForeignFilesAreDescriptorFileProblems() throws Exception {
        ConfigException missing = rejected(options(dir.resolve("nope.desc"), "tributary.test.SensorReport"));
        assertEquals(List.of("descriptor.file"), keys(missing));
        assertTrue(missing.getMessage().contains("nope.desc"), missing.getMessage());

        Path text = Files.writeString(dir.resolve("text.desc"), "syntax = \"proto3\";");
        assertEquals(List.of("descriptor.file"), keys(rejected(options(text, "tributary.test.SensorReport"))));

        Path empty = Files.write(dir.resolve("empty.desc"), new byte[0]);
        assertTrue(rejected(options(empty, "x.Y")).getMessage().contains("holds no .proto files"));
    }

    @Test
    void unknownMessageTypeIsAMessageTypeProblemListingTheKnownTypes() {
        ConfigException e = rejected(options(TestDescriptors.COMMITTED, "tributary.test.Nope"));
        assertEquals(List.of("message.type"), keys(e));
        assertTrue(e.getMessage().contains("tributary.test.SensorReport"), e.getMessage());
    }

    @Test
    void filesMayComeInAnyOrderAndTypesMayBeNestedOrDotted() {
        List<FileDescriptorProto> files = new ArrayList<>(TestDescriptors.all().getFileList());
        Collections.reverse(files);
        Path reversed = TestDescriptors.write(dir.resolve("reversed.desc"),
                FileDescriptorSet.newBuilder().addAllFile(files).build());
        byte[] report = Samples.fullReport().toByteArray();
        assertEquals(1, CollectingSink.parse(Formats.parser("protobuf",
                options(reversed, ".tributary.test.SensorReport")), report).records.size());

        byte[] position = LegacyReading.Position.newBuilder().setX(2).build().toByteArray();
        assertEquals(2.0, CollectingSink.parse(Formats.parser("protobuf",
                options(reversed, "tributary.test.LegacyReading.Position")), position).records.get(0).get("/x"));
    }

    @Test
    void wellKnownImportsMissingFromTheSetComeFromProtobufJava() {
        Path alone = TestDescriptors.write(dir.resolve("alone.desc"),
                FileDescriptorSet.newBuilder().addFile(Sensor.getDescriptor().toProto()).build());
        CollectingSink sink = CollectingSink.parse(Formats.parser("protobuf",
                options(alone, "tributary.test.SensorReport")), Samples.fullReport().toByteArray());
        assertEquals(List.of(), sink.errors);
        assertEquals(Instant.parse("2024-06-10T06:13:20.250Z"), sink.records.get(0).get("/observed_at"));
    }

    @Test
    void otherMissingImportsAreNamed() {
        FileDescriptorProto a = FileDescriptorProto.newBuilder().setName("a.proto").setPackage("a")
                .addDependency("b.proto").addMessageType(DescriptorProto.newBuilder().setName("A")).build();
        Path set = TestDescriptors.write(dir.resolve("a.desc"), FileDescriptorSet.newBuilder().addFile(a).build());
        ConfigException e = rejected(options(set, "a.A"));
        assertEquals(List.of("descriptor.file"), keys(e));
        assertTrue(e.getMessage().contains("b.proto") && e.getMessage().contains("--include_imports"), e.getMessage());
    }

    @Test
    void invalidDescriptorsAreDescriptorFileProblems() {
        FileDescriptorProto broken = FileDescriptorProto.newBuilder().setName("c.proto").setPackage("c")
                .addMessageType(DescriptorProto.newBuilder().setName("C").addField(
                        com.google.protobuf.DescriptorProtos.FieldDescriptorProto.newBuilder().setName("f")
                                .setNumber(1).setTypeName(".c.Missing"))).build();
        Path set = TestDescriptors.write(dir.resolve("c.desc"), FileDescriptorSet.newBuilder().addFile(broken).build());
        ConfigException e = rejected(options(set, "c.C"));
        assertEquals(List.of("descriptor.file"), keys(e));
        assertTrue(e.getMessage().contains("c.proto"), e.getMessage());
    }

    @Test
    void choicesAreChecked() {
        ConfigException e = rejected(options(TestDescriptors.COMMITTED, "tributary.test.SensorReport",
                "framing", "stream", "field.names", "camel"));
        assertEquals(List.of("field.names", "framing"), keys(e).stream().sorted().toList());
    }
}
