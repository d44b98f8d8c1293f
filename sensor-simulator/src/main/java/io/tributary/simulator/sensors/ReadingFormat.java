package io.tributary.simulator.sensors;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.TimestampProto;
import io.tributary.config.ConfigException;
import io.tributary.formats.Format;
import io.tributary.formats.Formats;
import io.tributary.formats.Writer;
import io.tributary.record.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How readings become records, and the format settings the simulator fills in when a scenario leaves them out:
 * an Avro schema for {@code avro}, and for {@code protobuf} a descriptor set of {@code tributary.sim.Reading}
 * (written into the traffic directory) with delimited framing. A reading is the record
 * {@code {sensor_id, mall, ts, type, device, rssi, channel, battery}}; a payload holds one or more of them.
 */
public final class ReadingFormat {
    public static final String AVRO_SCHEMA = "{\"type\":\"record\",\"name\":\"Reading\",\"namespace\":\"tributary.sim\","
            + "\"fields\":[{\"name\":\"sensor_id\",\"type\":\"string\"},{\"name\":\"mall\",\"type\":\"string\"},"
            + "{\"name\":\"ts\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
            + "{\"name\":\"type\",\"type\":\"string\"},{\"name\":\"device\",\"type\":\"string\"},"
            + "{\"name\":\"rssi\",\"type\":\"int\"},{\"name\":\"channel\",\"type\":\"int\"},"
            + "{\"name\":\"battery\",\"type\":\"double\"}]}";
    public static final String PROTO_MESSAGE = "tributary.sim.Reading";
    /** The descriptor set's file name in the traffic directory. */
    public static final String DESCRIPTOR_FILE = "tributary-sim-reading.desc";

    private ReadingFormat() {
    }

    /**
     * Checks that {@code type} is a format with a writer and that {@code options} (with the simulator's
     * defaults) are valid for it and for {@code readingsPerMessage}.
     *
     * @throws ConfigException naming the option keys ({@code format} for the type itself)
     */
    public static void check(String type, Map<String, Object> options, int readingsPerMessage) {
        Format format = Formats.get(type);
        if (!format.hasWriter()) throw new ConfigException("format", "the " + type + " format has no writer");
        Map<String, Object> effective = withDefaults(type, options, Path.of(DESCRIPTOR_FILE));
        Formats.settings(format, effective);
        if (type.equals("protobuf") && "single".equals(effective.get("framing")) && readingsPerMessage > 1) {
            throw new ConfigException("framing", "single framing holds one reading per payload, but the group sends "
                    + "up to " + readingsPerMessage + " (readings.per.message); use delimited");
        }
    }

    /** {@code options} plus what the simulator fills in for {@code type}. */
    public static Map<String, Object> withDefaults(String type, Map<String, Object> options, Path descriptor) {
        Map<String, Object> out = new LinkedHashMap<>(options);
        if (type.equals("avro") && !out.containsKey("schema") && !out.containsKey("schema.file")) {
            out.put("schema", AVRO_SCHEMA);
        }
        if (type.equals("protobuf") && !out.containsKey("descriptor.file")) {
            out.put("descriptor.file", descriptor.toString());
            out.putIfAbsent("message.type", PROTO_MESSAGE);
            out.putIfAbsent("framing", "delimited");
        }
        return out;
    }

    /**
     * A writer for a group; for {@code protobuf} without a descriptor set, writes the built-in one into
     * {@code trafficDir} first.
     */
    public static Writer writer(String type, Map<String, Object> options, Path trafficDir) {
        Path descriptor = trafficDir.resolve(DESCRIPTOR_FILE);
        if (type.equals("protobuf") && !options.containsKey("descriptor.file")) writeDescriptor(descriptor);
        return Formats.writer(type, withDefaults(type, options, descriptor));
    }

    /** Writes the descriptor set of {@code tributary.sim.Reading} (with google/protobuf/timestamp.proto). */
    public static void writeDescriptor(Path file) {
        FileDescriptorProto reading = FileDescriptorProto.newBuilder()
                .setName("tributary/sim/reading.proto").setPackage("tributary.sim").setSyntax("proto3")
                .addDependency("google/protobuf/timestamp.proto")
                .addMessageType(DescriptorProto.newBuilder().setName("Reading")
                        .addField(field("sensor_id", 1, FieldDescriptorProto.Type.TYPE_STRING))
                        .addField(field("mall", 2, FieldDescriptorProto.Type.TYPE_STRING))
                        .addField(field("ts", 3, FieldDescriptorProto.Type.TYPE_MESSAGE)
                                .setTypeName(".google.protobuf.Timestamp"))
                        .addField(field("type", 4, FieldDescriptorProto.Type.TYPE_STRING))
                        .addField(field("device", 5, FieldDescriptorProto.Type.TYPE_STRING))
                        .addField(field("rssi", 6, FieldDescriptorProto.Type.TYPE_SINT32))
                        .addField(field("channel", 7, FieldDescriptorProto.Type.TYPE_UINT32))
                        .addField(field("battery", 8, FieldDescriptorProto.Type.TYPE_DOUBLE)))
                .build();
        FileDescriptorSet set = FileDescriptorSet.newBuilder()
                .addFile(TimestampProto.getDescriptor().toProto()).addFile(reading).build();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, set.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static FieldDescriptorProto.Builder field(String name, int number, FieldDescriptorProto.Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setJsonName(camel(name));
    }

    private static String camel(String name) {
        int u = name.indexOf('_');
        return u < 0 ? name : name.substring(0, u) + Character.toUpperCase(name.charAt(u + 1)) + name.substring(u + 2);
    }

    /** The content type of a payload of {@code type}. */
    public static String contentType(String type) {
        return switch (type) {
            case "json" -> "application/json";
            case "csv" -> "text/csv";
            case "tsv" -> "text/tab-separated-values";
            case "avro" -> "avro/binary";
            case "protobuf" -> "application/x-protobuf";
            case "xml" -> "application/xml";
            case "text" -> "text/plain";
            default -> "application/octet-stream";
        };
    }

    /** The Avro container sync marker of a group: fixed, so payloads are the same in every run. */
    static byte[] syncMarker(String group) {
        byte[] sync = new byte[16];
        byte[] name = ("tributary-sim/" + group).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < 16; i++) {
            for (byte b : name) h = (h ^ (b & 0xff)) * 0x100000001b3L;
            h = (h ^ i) * 0x100000001b3L;
            sync[i] = (byte) (h >>> 56);
        }
        return sync;
    }

    /** The record of one reading. */
    public static Record record(Reading r, String sensorId, String kind, String mall) {
        LinkedHashMap<String, Object> fields = new LinkedHashMap<>(12);
        fields.put("sensor_id", sensorId);
        fields.put("mall", mall);
        fields.put("ts", Instant.ofEpochMilli(r.epochMs()));
        fields.put("type", kind);
        fields.put("device", r.device());
        fields.put("rssi", (long) r.rssi());
        fields.put("channel", (long) r.channel());
        fields.put("battery", r.battery());
        return Record.wrap(fields);
    }
}
