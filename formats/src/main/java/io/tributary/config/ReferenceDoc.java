package io.tributary.config;

import java.util.Collection;
import java.util.List;

/**
 * Renders declared options as a Markdown configuration reference (the files under {@code docs/reference/}),
 * so the reference is generated from the same {@link Option} declarations that validate the config files and
 * cannot drift from them. Each module's reference test renders its part and fails when the checked-in file
 * differs.
 *
 * <p>Not thread-safe; build one document per thread.
 */
public final class ReferenceDoc {
    private final StringBuilder out = new StringBuilder();

    private ReferenceDoc(String title, String intro) {
        out.append("# ").append(title).append("\n\n")
                .append("<!-- Generated from the option declarations by the module's reference test; do not edit."
                        + " Regenerate: mvn -B test -Dtributary.docs.update=true -->\n\n")
                .append(intro.strip()).append("\n");
    }

    public static ReferenceDoc titled(String title, String intro) {
        return new ReferenceDoc(title, intro);
    }

    /** A {@code ##} section: a paragraph and the table of {@code options} (none: no table). */
    public ReferenceDoc section(String heading, String text, OptionSet options) {
        return heading(2, heading, text, options);
    }

    /** One {@code ###} section per plugin of a kind: its name, description and options, under a {@code ##}. */
    public ReferenceDoc plugins(String heading, String text, Collection<? extends Plugin> plugins) {
        heading(2, heading, text, null);
        for (Plugin p : plugins) heading(3, "`" + p.name() + "`", p.description(), p.options());
        return this;
    }

    private ReferenceDoc heading(int level, String heading, String text, OptionSet options) {
        if (out.charAt(out.length() - 2) != '\n') out.append('\n');
        out.append("#".repeat(level)).append(' ').append(heading).append("\n\n");
        if (text != null && !text.isBlank()) out.append(text.strip()).append("\n\n");
        if (options != null && !options.options().isEmpty()) table(options.options());
        return this;
    }

    private void table(Collection<Option<?>> options) {
        out.append("| key | type | default | description |\n|---|---|---|---|\n");
        for (Option<?> o : options) {
            out.append("| `").append(o.name()).append("` | ").append(cell(o.type())).append(" | ")
                    .append(o.isRequired() ? "required" : defaultText(o.defaultValue())).append(" | ")
                    .append(cell(o.doc())).append(" |\n");
        }
        out.append('\n');
    }

    private static String defaultText(Object v) {
        if (v == null) return "";
        if (v instanceof List<?> l) return l.isEmpty() ? "[]" : "`" + cell(String.join(", ", l.stream().map(String::valueOf).toList())) + "`";
        String s = String.valueOf(v);
        return s.isEmpty() ? "\"\"" : "`" + cell(s) + "`";
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    public String render() {
        String s = out.toString();
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }
}
