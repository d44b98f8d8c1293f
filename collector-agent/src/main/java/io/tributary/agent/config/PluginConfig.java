package io.tributary.agent.config;

import io.tributary.config.ConfigException;
import io.tributary.config.OptionSet;
import io.tributary.config.Plugin;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One configured plugin entry ({@code type: <name>} plus the plugin's options), validated against the plugin's
 * declared options.
 *
 * @param id the entry's {@code id} when it may have one, else {@code <type>-<n>}
 * @param plugin the plugin named by {@code type}
 * @param settings its validated options
 * @param key the entry's full key in the file, for later problems (e.g. {@code pipelines[0].origins[1]})
 */
public record PluginConfig<T extends Plugin>(String id, T plugin, Settings settings, String key) {
    static final String TYPE = "type";
    static final String ID = "id";

    /**
     * Reads one entry. {@code lookup} finds the plugin by (key, name); {@code options} gives the options to
     * validate against; {@code withId} allows an {@code id} key. Returns null when anything was wrong (reported).
     */
    static <T extends Plugin> PluginConfig<T> parse(Section section, BiFunction<String, String, T> lookup,
            Function<T, OptionSet> options, boolean withId, String defaultId) {
        String type = section.requiredString(TYPE);
        if (type == null) return null;
        T plugin;
        try {
            plugin = lookup.apply(section.key(TYPE), type);
        } catch (ConfigException e) {
            e.problems().forEach(p -> section.problem(TYPE, p.message()));
            return null;
        }
        List<String> reserved = withId ? List.of(TYPE, ID) : List.of(TYPE);
        Settings settings = section.settings(options.apply(plugin), reserved);
        String id = defaultId;
        if (withId && section.has(ID)) id = section.requiredString(ID);
        return settings == null || id == null ? null : new PluginConfig<>(id, plugin, settings, section.path());
    }

    /** Reads a list of entries, numbering default ids {@code <type>-<n>}. */
    static <T extends Plugin> List<PluginConfig<T>> parseList(List<Section> sections,
            BiFunction<String, String, T> lookup, Function<T, OptionSet> options, boolean withId) {
        List<PluginConfig<T>> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Object type = sections.get(i).rawExcept().get(TYPE);
            PluginConfig<T> c = parse(sections.get(i), lookup, options, withId, type + "-" + (i + 1));
            if (c != null) out.add(c);
        }
        return out;
    }

    /** Runs {@code build}, turning a {@link ConfigException} into problems under this entry's key. */
    public <R> R build(List<ConfigException.Problem> problems, Supplier<R> build) {
        try {
            return build.get();
        } catch (ConfigException e) {
            for (ConfigException.Problem p : e.problems()) problems.add(new ConfigException.Problem(key + "." + p.key(),
                    p.message()));
            return null;
        }
    }
}
