package io.tributary.origins.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names topic levels: a pattern such as {@code mall/{mall}/sensor/{sensor}} turns the topic
 * {@code mall/7/sensor/s-12} into the attributes {@code mqtt.topic.mall=7} and {@code mqtt.topic.sensor=s-12}.
 * A level of the pattern is a literal (must match exactly), {@code {name}} (captured), {@code +} (any, not
 * captured) or, last, {@code #} (any number of remaining levels, not captured). A topic that does not match
 * gets no such attribute.
 *
 * <p>Immutable and thread-safe.
 */
final class TopicFields {
    static final String ATTRIBUTE_PREFIX = "mqtt.topic.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String pattern;
    private final String[] levels;
    /** The attribute name for each level, or null when the level is not captured. */
    private final String[] names;
    private final boolean rest;

    private TopicFields(String pattern, String[] levels, String[] names, boolean rest) {
        this.pattern = pattern;
        this.levels = levels;
        this.names = names;
        this.rest = rest;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException with the reason
     */
    static TopicFields parse(String pattern) {
        String[] parts = pattern.split("/", -1);
        boolean rest = parts.length > 0 && parts[parts.length - 1].equals("#");
        int n = rest ? parts.length - 1 : parts.length;
        String[] levels = new String[n];
        String[] names = new String[n];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("level " + (i + 1) + " names '" + name
                            + "'; a name is letters, digits, _ . or -");
                }
                if (seen.contains(name)) throw new IllegalArgumentException("'" + name + "' is named twice");
                seen.add(name);
                names[i] = ATTRIBUTE_PREFIX + name;
            } else if (part.equals("#")) {
                throw new IllegalArgumentException("# may only be the last level");
            } else if (part.contains("{") || part.contains("}") || (part.contains("+") && !part.equals("+"))) {
                throw new IllegalArgumentException("level " + (i + 1) + " '" + part
                        + "' must be a literal, {name}, + or a final #");
            }
            levels[i] = part;
        }
        if (seen.isEmpty()) throw new IllegalArgumentException("names no level; write levels as {name}");
        return new TopicFields(pattern, levels, names, rest);
    }

    /** Puts the named levels of {@code topic} into {@code attributes} when the topic matches the pattern. */
    void extract(String topic, Map<String, String> attributes) {
        int start = 0;
        int level = 0;
        String[] values = new String[levels.length];
        while (level < levels.length) {
            if (start > topic.length()) return;
            int end = topic.indexOf('/', start);
            if (end < 0) end = topic.length();
            String expected = levels[level];
            if (names[level] != null) {
                values[level] = topic.substring(start, end);
            } else if (!expected.equals("+") && (expected.length() != end - start
                    || !topic.regionMatches(start, expected, 0, end - start))) {
                return;
            }
            level++;
            start = end + 1;
        }
        if (start <= topic.length() && !rest) return; // more levels than the pattern has
        for (int i = 0; i < levels.length; i++) if (names[i] != null) attributes.put(names[i], values[i]);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
