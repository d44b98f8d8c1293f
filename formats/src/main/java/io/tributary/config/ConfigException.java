package io.tributary.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A configuration was rejected. Carries every problem found, each naming its key, so a user fixes a file in
 * one round instead of one error at a time.
 *
 * <p>Stable API since 0.1.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One problem: the key (dotted, with list indexes, e.g. {@code pipelines[0].format.delimiter}) and why. */
    public record Problem(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("A ConfigException needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String key, String message) {
        this(List.of(new Problem(key, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The same problems with {@code prefix + "."} in front of every key (for a section of a larger file). */
    public ConfigException withPrefix(String prefix) {
        List<Problem> prefixed = new ArrayList<>(problems.size());
        for (Problem p : problems) prefixed.add(new Problem(prefix + "." + p.key(), p.message()));
        return new ConfigException(prefixed);
    }

    private static String describe(List<Problem> problems) {
        if (problems.size() == 1) return "Invalid configuration: " + problems.get(0);
        StringBuilder sb = new StringBuilder(problems.size() + " configuration problems:");
        for (Problem p : problems) sb.append("\n  - ").append(p);
        return sb.toString();
    }
}
