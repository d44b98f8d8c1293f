package io.tributary.formats.xml;

import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.formats.ErrorCode;
import io.tributary.formats.Format;
import io.tributary.formats.Limits;
import io.tributary.formats.Parser;
import io.tributary.formats.Writer;
import java.util.List;
import java.util.Map;

/**
 * The {@code xml} format: records are elements of an XML document, read with the JDK's StAX parser. An
 * element becomes a map: attributes as fields named with {@code attribute.prefix}, child elements as fields
 * (repeated names as lists), text-only children as strings and other text under {@code text.field}. Values
 * are strings. DTDs are refused ({@link ErrorCode#XML_DTD_FORBIDDEN}), so no entity is ever declared, expanded
 * or fetched.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class XmlFormat implements Format {
    public static final Option<String> RECORD_ELEMENT = Option.string("record.element", "",
            "The element that is one record: a name ('reading', 'm:reading'), matched wherever it is outside "
                    + "another record, or a path from the root ('/readings/reading'). Empty: the root element "
                    + "is the one record. Unprefixed names match in any namespace.");
    public static final Option<List<String>> NAMESPACES = Option.list("namespaces", List.of(),
            "Namespace prefixes for record.element and the writer, as prefix=uri entries "
                    + "('m=urn:example:meter'). The document may use other prefixes for the same URIs.");
    public static final Option<String> NAMES = Option.choice("names", "local",
            "Field names of elements and attributes: 'local' (the local name) or 'qualified' (prefix:local as "
                    + "written in the document).", "local", "qualified");
    public static final Option<String> ATTRIBUTE_PREFIX = Option.string("attribute.prefix", "@",
            "Prefix of the field names of attributes. May be empty: an attribute and a child element of the "
                    + "same name then become a list.");
    public static final Option<String> TEXT_FIELD = Option.string("text.field", "#text",
            "Field holding the text of an element that also has attributes or child elements (trimmed; left "
                    + "out when blank).").validate(s -> s.isEmpty() ? "must not be empty" : null);
    public static final Option<String> ROOT_ELEMENT = Option.string("root.element", "records",
            "Writer only: the root element around the records when record.element is a name; a path gives "
                    + "its own root, and with no record.element the single record is the root.")
            .validate(s -> XmlNames.isQName(s) ? null : "is not an element name");

    private static final OptionSet OPTIONS = OptionSet.of(RECORD_ELEMENT, NAMESPACES, NAMES, ATTRIBUTE_PREFIX,
            TEXT_FIELD, ROOT_ELEMENT);

    @Override
    public String name() {
        return "xml";
    }

    @Override
    public String description() {
        return "XML documents: the root element, or every element of a given name or path, as one record";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Parser parser(Settings settings) {
        return new XmlParser(mapping(settings), Limits.from(settings));
    }

    @Override
    public boolean hasWriter() {
        return true;
    }

    @Override
    public Writer writer(Settings settings) {
        return new XmlWriter(mapping(settings), settings.get(ROOT_ELEMENT), settings.isSet(ROOT_ELEMENT));
    }

    private static XmlMapping mapping(Settings settings) {
        Map<String, String> namespaces = ElementPath.namespaces(settings.get(NAMESPACES));
        ElementPath records = ElementPath.parse(settings.get(RECORD_ELEMENT), namespaces);
        String prefix = settings.get(ATTRIBUTE_PREFIX);
        String text = settings.get(TEXT_FIELD);
        if (!prefix.isEmpty() && text.startsWith(prefix)) {
            throw new ConfigException(TEXT_FIELD.name(), "'" + text + "' starts with attribute.prefix '"
                    + prefix + "', so it could not be told apart from an attribute");
        }
        return new XmlMapping(records, namespaces, settings.get(NAMES).equals("qualified"), prefix, text);
    }

    /** The settings shared by the parser and the writer. */
    record XmlMapping(ElementPath records, Map<String, String> namespaces, boolean qualifiedNames,
            String attributePrefix, String textField) {
    }
}
