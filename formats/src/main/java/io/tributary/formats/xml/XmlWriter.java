package io.tributary.formats.xml;

import io.tributary.config.ConfigException;
import io.tributary.formats.Writer;
import io.tributary.formats.xml.XmlFormat.XmlMapping;
import io.tributary.record.Bytes;
import io.tributary.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes records as one UTF-8 XML document that {@link XmlParser} with the same settings reads back: fields
 * named with {@code attribute.prefix} as attributes, {@code text.field} as text, other fields as child
 * elements (a list as repeated elements). Records go inside the wrapper elements of a {@code record.element}
 * path, or inside {@code root.element} for a name; with no {@code record.element} the one record is the root.
 * Scalars are written as their text (bytes as base64), so they read back as strings; an empty map and a
 * one-element list cannot be told from a string and a single value once written.
 *
 * <p>Immutable and thread-safe. Throws {@link IllegalArgumentException} naming the field for a name that is
 * not an XML name, an undeclared prefix, a list of lists, or text with characters XML 1.0 cannot hold.
 */
final class XmlWriter implements Writer {
    private final XmlMapping mapping;
    private final List<String> wrappers;
    private final String recordName;

    XmlWriter(XmlMapping mapping, String rootElement, boolean rootElementSet) {
        this.mapping = mapping;
        List<ElementPath.Step> steps = mapping.records().steps();
        List<String> names = new ArrayList<>();
        for (ElementPath.Step step : steps) names.add(step.qualifiedName());
        if (mapping.records().anywhere()) {
            checkPrefix(rootElement, XmlFormat.ROOT_ELEMENT.name());
            wrappers = List.of(rootElement);
            recordName = names.get(0);
        } else if (names.get(0) == null) {
            checkPrefix(rootElement, XmlFormat.ROOT_ELEMENT.name());
            wrappers = List.of();
            recordName = rootElement;
        } else {
            if (rootElementSet && !rootElement.equals(names.get(0))) {
                throw new ConfigException(XmlFormat.ROOT_ELEMENT.name(), "'" + rootElement
                        + "' differs from the root of the record.element path '" + names.get(0) + "'");
            }
            wrappers = List.copyOf(names.subList(0, names.size() - 1));
            recordName = names.get(names.size() - 1);
        }
    }

    private void checkPrefix(String name, String key) {
        int colon = name.indexOf(':');
        if (colon > 0 && !mapping.namespaces().containsKey(name.substring(0, colon))) {
            throw new ConfigException(key, "prefix of '" + name + "' is not declared in namespaces");
        }
    }

    @Override
    public void write(List<Record> records, OutputStream out) throws IOException {
        if (wrappers.isEmpty() && records.size() != 1) {
            throw new IllegalArgumentException("Without record.element a document holds exactly one record, got "
                    + records.size());
        }
        StringBuilder xml = new StringBuilder(128 + 128 * records.size());
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        for (int i = 0; i < wrappers.size(); i++) {
            xml.append('<').append(wrappers.get(i));
            if (i == 0) declareNamespaces(xml);
            xml.append(">\n");
        }
        for (Record record : records) {
            element(xml, recordName, record.fields(), wrappers.isEmpty(), "");
            xml.append('\n');
        }
        for (int i = wrappers.size() - 1; i >= 0; i--) xml.append("</").append(wrappers.get(i)).append(">\n");
        out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void declareNamespaces(StringBuilder xml) {
        for (Map.Entry<String, String> ns : mapping.namespaces().entrySet()) {
            xml.append(" xmlns:").append(ns.getKey()).append("=\"");
            escape(xml, ns.getValue(), true, XmlFormat.NAMESPACES.name());
            xml.append('"');
        }
    }

    private void element(StringBuilder xml, String name, Object value, boolean root, String path) {
        xml.append('<').append(name);
        if (root) declareNamespaces(xml);
        if (!(value instanceof Map<?, ?> map)) {
            xml.append('>');
            escape(xml, text(value, path), false, path);
            xml.append("</").append(name).append('>');
            return;
        }
        String prefix = mapping.attributePrefix();
        boolean content = false;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            if (!prefix.isEmpty() && key.startsWith(prefix) && !key.equals(mapping.textField())) {
                attribute(xml, key.substring(prefix.length()), e.getValue(), path + "/" + key);
            } else {
                content = true;
            }
        }
        if (!content) {
            xml.append("/>");
            return;
        }
        xml.append('>');
        Object text = map.get(mapping.textField());
        if (text != null) escape(xml, text(text, path), false, path + "/" + mapping.textField());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            if (key.equals(mapping.textField()) || (!prefix.isEmpty() && key.startsWith(prefix))) continue;
            child(xml, key, e.getValue(), path + "/" + key);
        }
        xml.append("</").append(name).append('>');
    }

    private void child(StringBuilder xml, String key, Object value, String path) {
        checkName(key, path);
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof List) {
                    throw new IllegalArgumentException("Field " + path + " is a list of lists, which XML cannot hold");
                }
                element(xml, key, item, false, path);
            }
        } else {
            element(xml, key, value, false, path);
        }
    }

    private void attribute(StringBuilder xml, String name, Object value, String path) {
        checkName(name, path);
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("Field " + path + " is an attribute but holds a map or a list");
        }
        xml.append(' ').append(name).append("=\"");
        escape(xml, text(value, path), true, path);
        xml.append('"');
    }

    private void checkName(String name, String path) {
        if (!XmlNames.isQName(name)) {
            throw new IllegalArgumentException("Field " + path + ": '" + name + "' is not an XML name");
        }
        int colon = name.indexOf(':');
        if (colon > 0 && !mapping.namespaces().containsKey(name.substring(0, colon))
                && !name.startsWith("xml:")) {
            throw new IllegalArgumentException("Field " + path + ": prefix of '" + name
                    + "' is not declared in namespaces");
        }
    }

    private static String text(Object value, String path) {
        if (value == null) return "";
        if (value instanceof Bytes b) return b.toBase64();
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("Field " + path + " is text but holds a map or a list");
        }
        return value.toString();
    }

    private static void escape(StringBuilder xml, String s, boolean attribute, String path) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (!XmlNames.isXmlChar(c) || (c >= 0xD800 && c <= 0xDFFF)) {
                throw new IllegalArgumentException("Field " + path + " holds character U+"
                        + Integer.toHexString(c).toUpperCase() + ", which XML 1.0 cannot hold");
            }
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append(attribute ? "&quot;" : "\"");
                case '\r' -> xml.append("&#13;");
                case '\n' -> xml.append(attribute ? "&#10;" : "\n");
                case '\t' -> xml.append(attribute ? "&#9;" : "\t");
                default -> xml.appendCodePoint(c);
            }
        }
    }
}
