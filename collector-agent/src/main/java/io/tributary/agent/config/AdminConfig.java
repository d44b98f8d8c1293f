package io.tributary.agent.config;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import java.util.List;

/**
 * The admin HTTP endpoint: {@code /metrics} (Prometheus text) and {@code /health}.
 *
 * @param enabled whether to serve it
 * @param bind the address to bind
 * @param port the port; 0 picks a free one (logged at start)
 */
public record AdminConfig(boolean enabled, String bind, int port) {
    public static final Option<Boolean> ENABLED = Option.bool("enabled", true, "Serve /metrics and /health.");
    public static final Option<String> BIND = Option.string("bind", "127.0.0.1",
            "Address the admin endpoint binds; 0.0.0.0 exposes it to the network.");
    public static final Option<Integer> PORT = Option.intValue("port", 9464, 0, 65535,
            "Port of the admin endpoint; 0 picks a free port.");
    public static final OptionSet OPTIONS = OptionSet.of(ENABLED, BIND, PORT);

    public static final AdminConfig DEFAULT = from(OPTIONS.defaults());

    static AdminConfig parse(Section section) {
        Settings s = section.settings(OPTIONS, List.of());
        return s == null ? null : from(s);
    }

    private static AdminConfig from(Settings s) {
        return new AdminConfig(s.get(ENABLED), s.get(BIND), s.get(PORT));
    }
}
