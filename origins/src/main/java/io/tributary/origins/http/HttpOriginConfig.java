package io.tributary.origins.http;

import static io.tributary.origins.http.HttpOriginType.AUTH;
import static io.tributary.origins.http.HttpOriginType.AUTH_HEADER;
import static io.tributary.origins.http.HttpOriginType.AUTH_TOKENS;
import static io.tributary.origins.http.HttpOriginType.BIND;
import static io.tributary.origins.http.HttpOriginType.GZIP_MAX_BYTES;
import static io.tributary.origins.http.HttpOriginType.HEADERS_ALLOW;
import static io.tributary.origins.http.HttpOriginType.IDLE_TIMEOUT_MS;
import static io.tributary.origins.http.HttpOriginType.IO_THREADS;
import static io.tributary.origins.http.HttpOriginType.KEEPALIVE;
import static io.tributary.origins.http.HttpOriginType.MAX_BODY_BYTES;
import static io.tributary.origins.http.HttpOriginType.MAX_INFLIGHT;
import static io.tributary.origins.http.HttpOriginType.PATHS;
import static io.tributary.origins.http.HttpOriginType.PORT;
import static io.tributary.origins.http.HttpOriginType.TLS_ENABLED;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.SslContext;
import io.tributary.config.ConfigException;
import io.tributary.config.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The validated settings of one HTTP origin, with the TLS context and the authenticator already built, so that
 * a bad certificate or a missing token is a {@link ConfigException} at creation, naming its key.
 *
 * @param sslContext null when TLS is off
 * @param headersAllow lower-case header names copied into attributes
 */
record HttpOriginConfig(String bind, int port, Set<String> paths, long maxBodyBytes, long gzipMaxBytes,
        boolean keepAlive, long idleTimeoutMs, int maxInflight, int ioThreads, SslContext sslContext,
        Authenticator authenticator, List<String> headersAllow) {

    /** Headers that carry credentials: never copied into records. */
    private static final Set<String> SECRET_HEADERS = Set.of(HttpHeaderNames.AUTHORIZATION.toString(),
            HttpHeaderNames.PROXY_AUTHORIZATION.toString(), HttpHeaderNames.COOKIE.toString());

    static HttpOriginConfig from(Settings s) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        Authenticator authenticator = Authenticator.create(s.get(AUTH), s.get(AUTH_TOKENS), s.get(AUTH_HEADER),
                problems);
        SslContext ssl = s.get(TLS_ENABLED) ? TlsContexts.server(s, problems) : null;
        List<String> allow = new ArrayList<>();
        for (String name : s.get(HEADERS_ALLOW)) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                problems.add(new ConfigException.Problem(HEADERS_ALLOW.name(), "holds an empty header name"));
            } else if (SECRET_HEADERS.contains(lower) || lower.equals(authenticator.headerName())) {
                problems.add(new ConfigException.Problem(HEADERS_ALLOW.name(), "invalid value '" + name
                        + "': it carries credentials, which must not be copied into records"));
            } else if (!allow.contains(lower)) {
                allow.add(lower);
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new HttpOriginConfig(s.get(BIND), s.get(PORT), new LinkedHashSet<>(s.get(PATHS)),
                s.get(MAX_BODY_BYTES), s.get(GZIP_MAX_BYTES), s.get(KEEPALIVE), s.get(IDLE_TIMEOUT_MS),
                s.get(MAX_INFLIGHT), s.get(IO_THREADS), ssl, authenticator, List.copyOf(allow));
    }

    HttpOriginConfig {
        paths = Collections.unmodifiableSet(new LinkedHashSet<>(paths));
    }

    boolean tls() {
        return sslContext != null;
    }
}
