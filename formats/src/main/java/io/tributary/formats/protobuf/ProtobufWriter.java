package io.tributary.formats.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.tributary.formats.Writer;
import io.tributary.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes records as protobuf messages of one type: with {@code single} framing exactly one record per payload,
 * with {@code delimited} framing each message preceded by its length as a varint. Record fields are matched to
 * message fields by the configured naming (proto or JSON names); see {@link MessageEncoder} for the values each
 * field type takes.
 *
 * <p>Immutable and thread-safe. A record with a field the message type lacks, a value of the wrong type or
 * range, or a missing proto2 required field raises {@link IllegalArgumentException} naming the record and the
 * field; nothing is written for that call.
 */
public final class ProtobufWriter implements Writer {
    private final Descriptor type;
    private final boolean delimited;
    private final MessageEncoder encoder;

    ProtobufWriter(Descriptor type, boolean delimited, boolean jsonNames) {
        this.type = type;
        this.delimited = delimited;
        this.encoder = new MessageEncoder(jsonNames);
    }

    @Override
    public void write(List<Record> records, OutputStream out) throws IOException {
        if (!delimited && records.size() != 1) {
            throw new IllegalArgumentException("framing=single holds exactly one message per payload, got "
                    + records.size() + " records; use framing=delimited for several");
        }
        List<DynamicMessage> messages = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                messages.add(encoder.encode(records.get(i).fields(), type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Record " + i + ": " + e.getMessage(), e);
            }
        }
        for (DynamicMessage m : messages) {
            if (delimited) m.writeDelimitedTo(out);
            else m.writeTo(out);
        }
    }
}
