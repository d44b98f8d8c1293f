package io.tributary.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a YAML config file into plain maps (string keys) and lists, replacing {@code ${NAME}} and
 * {@code ${NAME:-default}} in string values with environment variables; YAML timestamps (unquoted dates) come
 * back as ISO-8601 text. Only plain data is constructed (no tags, no objects); a
 * missing variable without default is a problem at the key where it is used.
 */
public final class YamlLoader {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> environment;

    public YamlLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public YamlLoader() {
        this(System::getenv);
    }

    /**
     * Loads {@code file}.
     *
     * @throws ConfigException for an unreadable file, a YAML syntax error (with line and column), a document
     *     that is not a map, or unset environment variables (all of them, by key)
     */
    public Map<String, Object> load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("file", "cannot read " + file + ": " + e);
        }
        return parse(text);
    }

    /** Parses YAML text; syntax problems are reported under the key {@code yaml}. */
    public Map<String, Object> parse(String text) {
        return parse(text, "yaml");
    }

    /**
     * Parses YAML text, reporting syntax problems and a document that is not a map under the key {@code what}
     * (e.g. {@code scenario}, {@code overlay[0]}).
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parse(String text, String what) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1);
            throw new ConfigException(what, "not valid YAML" + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(what, "not valid YAML: " + e.getMessage());
        }
        if (doc == null) return new LinkedHashMap<>();
        if (!(doc instanceof Map)) throw new ConfigException(what, "the document must be a map of keys to values");
        List<ConfigException.Problem> problems = new ArrayList<>();
        Map<String, Object> result = (Map<String, Object>) substitute("", doc, problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return result;
    }

    private Object substitute(String key, Object value, List<ConfigException.Problem> problems) {
        if (value instanceof String s) return expand(key, s, problems);
        if (value instanceof Date d) return d.toInstant().toString();
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String name = String.valueOf(e.getKey());
                out.put(name, substitute(key.isEmpty() ? name : key + "." + name, e.getValue(), problems));
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) out.add(substitute(key + "[" + i + "]", l.get(i), problems));
            return out;
        }
        return value;
    }

    private String expand(String key, String text, List<ConfigException.Problem> problems) {
        if (text.indexOf("${") < 0) return text;
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null) value = m.group(2);
            if (value == null) {
                problems.add(new ConfigException.Problem(key, "environment variable " + m.group(1) + " is not set"));
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
