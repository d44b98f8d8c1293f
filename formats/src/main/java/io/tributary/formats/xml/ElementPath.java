package io.tributary.formats.xml;

import io.tributary.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which elements of a document are records, from the {@code record.element} option: the root element (option
 * empty), every element with a given name that is not inside another record ({@code reading},
 * {@code m:reading}), or the elements at a path from the root ({@code /readings/reading}). A prefixed name
 * matches the namespace its prefix is bound to in the {@code namespaces} option; an unprefixed name matches
 * its local name in any namespace.
 *
 * <p>Immutable and thread-safe; the matching state of one document lives in the caller (see {@link #enter}).
 */
final class ElementPath {
    /** One name test: a local name, and the namespace URI it must be in (null: any). */
    record Step(String prefix, String uri, String localName) {
        boolean matches(String elementUri, String elementLocalName) {
            if (localName == null) return true;
            return localName.equals(elementLocalName) && (uri == null || uri.equals(elementUri));
        }

        /** The name as written in the option ({@code m:reading}), or null for the wildcard of the root mode. */
        String qualifiedName() {
            if (localName == null) return null;
            return prefix == null ? localName : prefix + ":" + localName;
        }
    }

    private final List<Step> steps;
    private final boolean anywhere;

    private ElementPath(List<Step> steps, boolean anywhere) {
        this.steps = steps;
        this.anywhere = anywhere;
    }

    /**
     * Parses {@code spec} (the {@code record.element} value) with the prefixes of {@code namespaces}.
     *
     * @throws ConfigException under {@code record.element} when the value is malformed or uses an undeclared
     *         prefix
     */
    static ElementPath parse(String spec, Map<String, String> namespaces) {
        String s = spec.trim();
        if (s.isEmpty()) return new ElementPath(List.of(new Step(null, null, null)), false);
        boolean path = s.startsWith("/");
        String[] parts = (path ? s.substring(1) : s).split("/", -1);
        if (!path && parts.length > 1) throw invalid(spec, "a path must start with '/'");
        List<Step> steps = new ArrayList<>();
        for (String part : parts) steps.add(step(spec, part, namespaces));
        return new ElementPath(Collections.unmodifiableList(steps), !path);
    }

    /** Parses the {@code namespaces} option: {@code prefix=uri} entries. */
    static Map<String, String> namespaces(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String prefix = eq < 0 ? "" : entry.substring(0, eq).trim();
            String uri = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (!XmlNames.isNcName(prefix) || uri.isEmpty()) {
                throw new ConfigException(XmlFormat.NAMESPACES.name(),
                        "invalid entry '" + entry + "': expected prefix=uri");
            }
            if (out.put(prefix, uri) != null) {
                throw new ConfigException(XmlFormat.NAMESPACES.name(), "prefix '" + prefix + "' is declared twice");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Step step(String spec, String part, Map<String, String> namespaces) {
        int colon = part.indexOf(':');
        String prefix = colon < 0 ? null : part.substring(0, colon);
        String local = colon < 0 ? part : part.substring(colon + 1);
        if (!XmlNames.isNcName(local) || (prefix != null && !XmlNames.isNcName(prefix))) {
            throw invalid(spec, "'" + part + "' is not an element name");
        }
        if (prefix == null) return new Step(null, null, local);
        String uri = namespaces.get(prefix);
        if (uri == null) {
            throw invalid(spec, "prefix '" + prefix + "' is not declared in " + XmlFormat.NAMESPACES.name());
        }
        return new Step(prefix, uri, local);
    }

    private static ConfigException invalid(String spec, String reason) {
        return new ConfigException(XmlFormat.RECORD_ELEMENT.name(), "invalid value '" + spec + "': " + reason);
    }

    /**
     * Steps into an element at {@code depth} (the root is 1) while no record is open.
     *
     * @param matched how many leading levels of the current element chain matched the path so far
     * @return the new number of matched levels; equal to {@link #length()} when the element is a record
     */
    int enter(int matched, int depth, String uri, String localName) {
        if (anywhere) return steps.get(0).matches(uri, localName) ? 1 : 0;
        if (matched == depth - 1 && depth <= steps.size() && steps.get(depth - 1).matches(uri, localName)) {
            return depth;
        }
        return matched;
    }

    /** Steps out of an element at {@code depth}; returns the new number of matched levels. */
    int exit(int matched, int depth) {
        if (anywhere) return 0;
        return matched == depth ? depth - 1 : matched;
    }

    /** The number of matched levels that makes an element a record. */
    int length() {
        return anywhere ? 1 : steps.size();
    }

    /** True for a name ({@code reading}) rather than a path or the root. */
    boolean anywhere() {
        return anywhere;
    }

    List<Step> steps() {
        return steps;
    }
}
