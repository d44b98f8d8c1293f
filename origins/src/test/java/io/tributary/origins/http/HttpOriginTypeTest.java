package io.tributary.origins.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import io.tributary.origins.Origins;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Options: documented, and every problem reported by key at once. */
class HttpOriginTypeTest {
    private final OriginType type = Origins.get("type", "http");

    private ConfigException problems(Map<String, Object> options) {
        return assertThrows(ConfigException.class, () -> type.create(type.options().parse(options),
                new OriginContext("a", "http-1", "p", new SimpleMeterRegistry())));
    }

    private static Set<String> keys(ConfigException e) {
        return e.problems().stream().map(ConfigException.Problem::key).collect(Collectors.toSet());
    }

    @Test
    void everyOptionIsDocumented() {
        assertTrue(type instanceof HttpOriginType);
        for (Option<?> o : type.options().options()) {
            assertTrue(o.doc() != null && o.doc().length() > 10, o.name());
            assertEquals(o.name().toLowerCase(), o.name());
        }
    }

    @Test
    void badValuesAndUnknownKeysAreReportedTogether() {
        ConfigException e = assertThrows(ConfigException.class, () -> type.options().parse(Map.of(
                "paths", List.of("ingest"), "port", 70000, "auth", "basic", "max.body.size", 5)));
        assertEquals(Set.of("paths", "port", "auth", "max.body.size"), keys(e));
    }

    @Test
    void crossOptionProblemsNameTheirKeys() {
        ConfigException e = problems(Map.of("auth", "bearer", "tls.enabled", true,
                "tls.cert.file", "/nonexistent/cert.pem", "tls.client.auth", "required",
                "headers.allow", List.of("Authorization", "X-Ok")));
        assertEquals(Set.of("auth.tokens", "tls.cert.file", "tls.key.file", "tls.truststore.file", "headers.allow"),
                keys(e), e.getMessage());
    }

    @Test
    void emptyTokensAndBothKeySourcesAreRefused() {
        ConfigException e = problems(Map.of("auth", "api_key", "auth.tokens", List.of("ok", " "),
                "headers.allow", "x-api-key", "tls.enabled", "true", "tls.keystore.file", "/x.p12",
                "tls.cert.file", "/x.pem"));
        assertEquals(Set.of("auth.tokens[1]", "headers.allow", "tls.keystore.file"), keys(e), e.getMessage());
    }

    @Test
    void tlsWithoutKeyMaterialIsRefused() {
        ConfigException e = problems(Map.of("tls.enabled", true));
        assertEquals(Set.of("tls.enabled"), keys(e));
    }
}
