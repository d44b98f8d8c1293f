package io.tributary.formats.xml;

import io.tributary.formats.ErrorCode;
import io.tributary.formats.Limits;
import io.tributary.formats.ParseError;
import io.tributary.formats.xml.XmlFormat.XmlMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import javax.xml.stream.XMLStreamReader;

/**
 * Builds the fields of one record from the StAX events inside its element, without recursion. Counts values
 * as they are added and watches element depth, so a record that breaks {@code max.fields} or
 * {@code max.depth} stops being built as soon as that is certain; lists created by repeated names can only
 * deepen a record afterwards, which the caller's final {@link Limits#checkShape} catches. One instance per
 * record; not thread-safe.
 */
final class RecordBuilder {
    private static final class Frame {
        final String name;
        LinkedHashMap<String, Object> fields;
        StringBuilder text;

        Frame(String name) {
            this.name = name;
        }
    }

    private final XmlMapping mapping;
    private final Limits limits;
    private final ArrayList<Frame> open = new ArrayList<>();
    private long values;
    private String failureCode;
    private String failureMessage;

    /** Starts a record at the reader's current START_ELEMENT. */
    RecordBuilder(XmlMapping mapping, Limits limits, XMLStreamReader reader) {
        this.mapping = mapping;
        this.limits = limits;
        Frame root = new Frame(null);
        open.add(root);
        attributes(root, reader);
    }

    /** A child element starts at the reader's current START_ELEMENT. */
    void startElement(XMLStreamReader reader) {
        if (failureCode != null) return;
        if (open.size() > limits.maxDepth()) {
            fail(ErrorCode.MAX_DEPTH_EXCEEDED, "Record nests deeper than max.depth=" + limits.maxDepth());
            return;
        }
        Frame frame = new Frame(name(reader.getPrefix(), reader.getLocalName()));
        open.add(frame);
        attributes(frame, reader);
    }

    /** The innermost open child element ends. */
    void endElement() {
        if (failureCode != null) return;
        Frame frame = open.remove(open.size() - 1);
        Frame parent = open.get(open.size() - 1);
        Object value = frame.fields == null ? (frame.text == null ? "" : frame.text.toString()) : finish(frame);
        if (failureCode == null) add(parent, frame.name, value);
    }

    /** Character data (text, CDATA, resolved references) directly inside the innermost open element. */
    void text(char[] chars, int start, int length) {
        if (failureCode != null || length == 0) return;
        Frame frame = open.get(open.size() - 1);
        if (frame.text == null) frame.text = new StringBuilder(length);
        frame.text.append(chars, start, length);
    }

    /** Gives up on the record: it is too large. Later events are ignored. */
    void tooLarge() {
        if (failureCode == null) fail(ErrorCode.RECORD_TOO_LARGE, "record element is larger than max.record.bytes");
    }

    /** The limit this record broke while being built, as an error at {@code offset}, or null. */
    ParseError failure(long offset) {
        return failureCode == null ? null : new ParseError(failureCode, failureMessage, offset);
    }

    /** The record's fields once its element has ended, or null when it broke a limit (see {@link #failure}). */
    LinkedHashMap<String, Object> fields() {
        if (failureCode != null) return null;
        LinkedHashMap<String, Object> fields = finish(open.get(0));
        return failureCode == null ? fields : null;
    }

    private LinkedHashMap<String, Object> finish(Frame frame) {
        if (frame.fields == null) frame.fields = new LinkedHashMap<>();
        if (frame.text != null) {
            String text = frame.text.toString().strip();
            if (!text.isEmpty()) add(frame, mapping.textField(), text);
        }
        return frame.fields;
    }

    private void attributes(Frame frame, XMLStreamReader reader) {
        int count = reader.getAttributeCount();
        for (int i = 0; i < count && failureCode == null; i++) {
            String name = name(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
            add(frame, mapping.attributePrefix() + name, reader.getAttributeValue(i));
        }
    }

    @SuppressWarnings("unchecked")
    private void add(Frame frame, String name, Object value) {
        if (frame.fields == null) frame.fields = new LinkedHashMap<>();
        Object old = frame.fields.get(name);
        if (old == null) {
            frame.fields.put(name, value);
            values++;
        } else if (old instanceof ArrayList<?> list) {
            ((ArrayList<Object>) list).add(value);
            values++;
        } else {
            ArrayList<Object> list = new ArrayList<>();
            list.add(old);
            list.add(value);
            frame.fields.put(name, list);
            values += 2;
        }
        if (values > limits.maxFields()) {
            fail(ErrorCode.MAX_FIELDS_EXCEEDED, "Record has more than max.fields=" + limits.maxFields() + " values");
        }
    }

    private String name(String prefix, String localName) {
        if (!mapping.qualifiedNames() || prefix == null || prefix.isEmpty()) return localName;
        return prefix + ":" + localName;
    }

    private void fail(String code, String message) {
        failureCode = code;
        failureMessage = message;
        open.clear();
    }
}
