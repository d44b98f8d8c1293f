package io.tributary.formats.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.tributary.formats.protobuf.gen.Legacy;
import io.tributary.formats.protobuf.gen.Sensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Descriptor sets for tests, built from the classes protoc generated at build time from
 * {@code src/test/proto}: what {@code protoc --descriptor_set_out --include_imports} would write for them.
 */
final class TestDescriptors {
    /** The committed set used by the golden cases and the contract kit (see {@link ProtobufGoldenInputs}). */
    static final Path COMMITTED = Path.of("src/test/resources/golden/protobuf/tributary-test.desc");

    private TestDescriptors() {
    }

    /** Every test .proto file and its imports, each file after the files it imports. */
    static FileDescriptorSet all() {
        return setOf(Sensor.getDescriptor(), Legacy.getDescriptor());
    }

    static FileDescriptorSet setOf(FileDescriptor... roots) {
        Set<FileDescriptor> ordered = new LinkedHashSet<>();
        for (FileDescriptor root : roots) addWithImports(root, ordered);
        FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
        for (FileDescriptor f : ordered) set.addFile(f.toProto());
        return set.build();
    }

    private static void addWithImports(FileDescriptor file, Set<FileDescriptor> out) {
        for (FileDescriptor dep : file.getDependencies()) addWithImports(dep, out);
        out.add(file);
    }

    static Path write(Path file, FileDescriptorSet set) {
        try {
            Files.write(file, set.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Parser or writer options for {@code messageType} (short name in package tributary.test). */
    static Map<String, String> options(String messageType, String... more) {
        java.util.HashMap<String, String> options = new java.util.HashMap<>();
        options.put("descriptor.file", COMMITTED.toString());
        options.put("message.type", "tributary.test." + messageType);
        for (int i = 0; i < more.length; i += 2) options.put(more[i], more[i + 1]);
        return options;
    }
}
