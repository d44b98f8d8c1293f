package io.tributary.formats.protobuf;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import io.tributary.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a {@code FileDescriptorSet} (as written by {@code protoc --descriptor_set_out --include_imports}) and
 * resolves one message type in it. The files may appear in any order; a well-known import
 * ({@code google/protobuf/timestamp.proto} and the like) missing from the set is taken from protobuf-java.
 *
 * <p>Stateless and thread-safe. Every failure is a {@link ConfigException} naming the option at fault.
 */
final class DescriptorSets {
    private static final Map<String, FileDescriptor> WELL_KNOWN = wellKnown();

    private DescriptorSets() {
    }

    /**
     * The message type {@code messageType} (fully qualified, a leading dot allowed) defined in the descriptor
     * set file {@code file}.
     *
     * @throws ConfigException under {@code fileKey} when the file is unreadable, not a descriptor set, or
     *     inconsistent; under {@code typeKey} when the type is not defined in it
     */
    static Descriptor messageType(String file, String messageType, String fileKey, String typeKey) {
        Map<String, FileDescriptorProto> protos = read(file, fileKey);
        Map<String, FileDescriptor> built = new LinkedHashMap<>();
        for (String name : protos.keySet()) build(name, protos, built, new HashSet<>(), file, fileKey);
        Map<String, Descriptor> types = new LinkedHashMap<>();
        for (FileDescriptor f : built.values()) {
            for (Descriptor d : f.getMessageTypes()) collect(d, types);
        }
        String wanted = messageType.startsWith(".") ? messageType.substring(1) : messageType;
        Descriptor type = types.get(wanted);
        if (type == null) {
            Set<String> known = new TreeSet<>();
            for (String name : types.keySet()) {
                if (!name.startsWith("google.protobuf.") && known.size() < 30) known.add(name);
            }
            throw new ConfigException(typeKey, "unknown message type '" + messageType + "': " + file
                    + " defines " + known);
        }
        return type;
    }

    private static Map<String, FileDescriptorProto> read(String file, String key) {
        FileDescriptorSet set;
        try {
            set = FileDescriptorSet.parseFrom(Files.readAllBytes(Path.of(file)));
        } catch (InvalidProtocolBufferException e) {
            throw new ConfigException(key, "'" + file + "' is not a FileDescriptorSet (write one with protoc "
                    + "--descriptor_set_out=FILE --include_imports): " + e.getMessage());
        } catch (IOException | InvalidPathException e) {
            throw new ConfigException(key, "cannot read '" + file + "': " + e);
        }
        if (set.getFileCount() == 0) throw new ConfigException(key, "'" + file + "' holds no .proto files");
        Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
        for (FileDescriptorProto p : set.getFileList()) {
            FileDescriptorProto previous = protos.putIfAbsent(p.getName(), p);
            if (previous != null && !previous.equals(p)) {
                throw new ConfigException(key, "'" + file + "' holds two different files named " + p.getName());
            }
        }
        return protos;
    }

    private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
            Map<String, FileDescriptor> built, Set<String> building, String file, String key) {
        FileDescriptor done = built.get(name);
        if (done != null) return done;
        FileDescriptorProto proto = protos.get(name);
        if (proto == null) {
            FileDescriptor known = WELL_KNOWN.get(name);
            if (known == null) {
                throw new ConfigException(key, "'" + file + "' lacks " + name + ", imported by another file in it"
                        + " (write the set with protoc --include_imports)");
            }
            return known;
        }
        if (!building.add(name)) throw new ConfigException(key, "'" + file + "' has an import cycle through " + name);
        List<FileDescriptor> deps = new ArrayList<>();
        for (String dep : proto.getDependencyList()) deps.add(build(dep, protos, built, building, file, key));
        try {
            FileDescriptor descriptor = FileDescriptor.buildFrom(proto, deps.toArray(new FileDescriptor[0]));
            built.put(name, descriptor);
            return descriptor;
        } catch (DescriptorValidationException | IllegalArgumentException e) {
            throw new ConfigException(key, "'" + file + "': " + name + " is invalid: " + e.getMessage());
        } finally {
            building.remove(name);
        }
    }

    private static void collect(Descriptor type, Map<String, Descriptor> out) {
        out.put(type.getFullName(), type);
        for (Descriptor nested : type.getNestedTypes()) collect(nested, out);
    }

    private static Map<String, FileDescriptor> wellKnown() {
        Map<String, FileDescriptor> m = new LinkedHashMap<>();
        for (FileDescriptor f : List.of(AnyProto.getDescriptor(), ApiProto.getDescriptor(),
                DescriptorProtos.getDescriptor(), DurationProto.getDescriptor(), EmptyProto.getDescriptor(),
                FieldMaskProto.getDescriptor(), SourceContextProto.getDescriptor(), StructProto.getDescriptor(),
                TimestampProto.getDescriptor(), TypeProto.getDescriptor(), WrappersProto.getDescriptor())) {
            m.put(f.getName(), f);
        }
        return Map.copyOf(m);
    }
}
