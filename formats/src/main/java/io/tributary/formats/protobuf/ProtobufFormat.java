package io.tributary.formats.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.formats.Format;
import io.tributary.formats.Limits;
import io.tributary.formats.Parser;
import io.tributary.formats.Writer;

/**
 * The {@code protobuf} format: messages of one type from a descriptor set, one per payload or as a
 * length-delimited stream. The descriptor set is read and its files linked once per parser or writer.
 *
 * <p>Stateless and thread-safe. Stable API since 0.1.
 */
public final class ProtobufFormat implements Format {
    public static final Option<String> DESCRIPTOR_FILE = Option.string("descriptor.file", null,
            "Path of a FileDescriptorSet holding the message type and everything it imports, as written by "
                    + "protoc --descriptor_set_out=FILE --include_imports.").required();
    public static final Option<String> MESSAGE_TYPE = Option.string("message.type", null,
            "Fully qualified name of the message type to read, e.g. mall.v1.SensorReport.").required();
    public static final Option<String> FRAMING = Option.choice("framing", "single",
            "single: the payload is one message; delimited: a stream of messages, each preceded by its length "
                    + "as a varint (protobuf's writeDelimitedTo).", "single", "delimited");
    public static final Option<String> FIELD_NAMES = Option.choice("field.names", "proto",
            "Record field names: proto, as written in the .proto file (sensor_id); json, the lowerCamelCase "
                    + "JSON name (sensorId).", "proto", "json");
    public static final Option<Boolean> INCLUDE_DEFAULTS = Option.bool("include.defaults", false,
            "Also emit fields without presence (proto3 scalars, repeated and map fields) that hold their default "
                    + "value or are empty; fields with presence are emitted only when set.");

    private static final OptionSet OPTIONS = OptionSet.of(DESCRIPTOR_FILE, MESSAGE_TYPE, FRAMING, FIELD_NAMES,
            INCLUDE_DEFAULTS);

    @Override
    public String name() {
        return "protobuf";
    }

    @Override
    public String description() {
        return "Protocol Buffers messages of one type from a descriptor set, single or length-delimited";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Parser parser(Settings settings) {
        return new ProtobufParser(new ProtobufParser.Config(messageType(settings), delimited(settings),
                jsonNames(settings), settings.get(INCLUDE_DEFAULTS), Limits.from(settings)));
    }

    @Override
    public boolean hasWriter() {
        return true;
    }

    @Override
    public Writer writer(Settings settings) {
        return new ProtobufWriter(messageType(settings), delimited(settings), jsonNames(settings));
    }

    private static Descriptor messageType(Settings settings) {
        return DescriptorSets.messageType(settings.get(DESCRIPTOR_FILE), settings.get(MESSAGE_TYPE),
                DESCRIPTOR_FILE.name(), MESSAGE_TYPE.name());
    }

    private static boolean delimited(Settings settings) {
        return settings.get(FRAMING).equals("delimited");
    }

    private static boolean jsonNames(Settings settings) {
        return settings.get(FIELD_NAMES).equals("json");
    }
}
