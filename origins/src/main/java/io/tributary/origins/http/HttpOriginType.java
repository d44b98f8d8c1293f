package io.tributary.origins.http;

import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Settings;
import io.tributary.origins.Origin;
import io.tributary.origins.OriginContext;
import io.tributary.origins.OriginType;
import java.util.List;

/**
 * The {@code http} origin: an HTTP/1.1 server (optionally HTTPS with mTLS) that takes POST and PUT bodies as
 * payloads and answers 200 only once they are durable.
 *
 * <p>Stable API since 0.1. Stateless and thread-safe.
 */
public final class HttpOriginType implements OriginType {
    private static final long MIB = 1024L * 1024L;
    private static final long MAX_BUFFER = 1L << 30;

    static final Option<String> BIND = Option.string("bind", "127.0.0.1",
            "Address to listen on; 0.0.0.0 for every IPv4 interface.");
    static final Option<Integer> PORT = Option.intValue("port", 0, 0, 65535,
            "TCP port; 0 picks a free one (the agent's log line shows which).");
    static final Option<List<String>> PATHS = Option.list("paths", List.of("/ingest"),
            "Request paths that take payloads (exact match, query string ignored); any other path answers 404.")
            .validate(HttpOriginType::checkPaths);
    static final Option<Long> MAX_BODY_BYTES = Option.longValue("max.body.bytes", 4 * MIB, 1, MAX_BUFFER,
            "Largest request body as sent (compressed size for gzip); a larger Content-Length or a longer "
                    + "streamed body answers 413 without being buffered.");
    static final Option<Long> GZIP_MAX_BYTES = Option.longValue("gzip.max.bytes", 8 * MIB, 1, MAX_BUFFER,
            "Largest decompressed size of a Content-Encoding: gzip body; decompression stops there and answers 413.");
    static final Option<Boolean> KEEPALIVE = Option.bool("keepalive", true,
            "Honour HTTP/1.1 keep-alive (and HTTP/1.0 Connection: keep-alive); false closes after every response.");
    static final Option<Long> IDLE_TIMEOUT_MS = Option.longValue("idle.timeout.ms", 60_000, 0, 86_400_000,
            "Close a connection with no traffic for this long (not while its request waits to become durable); "
                    + "0 never.");
    static final Option<Integer> MAX_INFLIGHT = Option.intValue("max.inflight.requests", 64, 1, 1_000_000,
            "Requests being received or waiting to become durable, over all connections; more answer 503 with "
                    + "Retry-After. Bounds memory to about this times max(max.body.bytes, gzip.max.bytes).");
    static final Option<Integer> IO_THREADS = Option.intValue("io.threads", 0, 0, 256,
            "Event-loop threads for connections; 0 means one per available processor.");

    static final Option<Boolean> TLS_ENABLED = Option.bool("tls.enabled", false, "Serve HTTPS instead of HTTP.");
    static final Option<String> TLS_CERT_FILE = Option.string("tls.cert.file", null,
            "PEM file with the server certificate chain (with tls.key.file).");
    static final Option<String> TLS_KEY_FILE = Option.string("tls.key.file", null,
            "PEM file with the server's PKCS#8 private key (BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY).");
    static final Option<String> TLS_KEY_PASSWORD = Option.string("tls.key.password", null,
            "Password of an encrypted tls.key.file.");
    static final Option<String> TLS_KEYSTORE_FILE = Option.string("tls.keystore.file", null,
            "PKCS12 keystore with the server key and certificate chain (instead of tls.cert.file + tls.key.file).");
    static final Option<String> TLS_KEYSTORE_PASSWORD = Option.string("tls.keystore.password", "",
            "Password of tls.keystore.file (and of its key).");
    static final Option<String> TLS_CLIENT_AUTH = Option.choice("tls.client.auth", "none",
            "Client certificates (mTLS): none, optional (verified when sent) or required.",
            "none", "optional", "required");
    static final Option<String> TLS_TRUSTSTORE_FILE = Option.string("tls.truststore.file", null,
            "CA certificates that client certificates must chain to: a PEM file, or a PKCS12 truststore.");
    static final Option<String> TLS_TRUSTSTORE_PASSWORD = Option.string("tls.truststore.password", "",
            "Password of a PKCS12 tls.truststore.file.");

    static final Option<String> AUTH = Option.choice("auth", "none",
            "Request authentication: none, bearer (Authorization: Bearer <token>) or api_key (token in auth.header). "
                    + "Missing credentials answer 401, wrong ones 403.", "none", "bearer", "api_key");
    static final Option<List<String>> AUTH_TOKENS = Option.list("auth.tokens", List.of(),
            "Accepted tokens (use ${ENV_VAR} in the agent config rather than literal secrets).");
    static final Option<String> AUTH_HEADER = Option.string("auth.header", "X-API-Key",
            "Request header holding the token when auth is api_key.");
    static final Option<List<String>> HEADERS_ALLOW = Option.list("headers.allow", List.of(),
            "Request headers copied into record attributes as http.header.<lower-case name>.");

    private static final OptionSet OPTIONS = OptionSet.of(BIND, PORT, PATHS, MAX_BODY_BYTES, GZIP_MAX_BYTES, KEEPALIVE,
            IDLE_TIMEOUT_MS, MAX_INFLIGHT, IO_THREADS, TLS_ENABLED, TLS_CERT_FILE, TLS_KEY_FILE, TLS_KEY_PASSWORD,
            TLS_KEYSTORE_FILE, TLS_KEYSTORE_PASSWORD, TLS_CLIENT_AUTH, TLS_TRUSTSTORE_FILE, TLS_TRUSTSTORE_PASSWORD,
            AUTH, AUTH_TOKENS, AUTH_HEADER, HEADERS_ALLOW);

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "HTTP/1.1 server (HTTPS, mTLS, bearer or API-key auth, gzip bodies); answers 200 once durable.";
    }

    @Override
    public OptionSet options() {
        return OPTIONS;
    }

    @Override
    public Origin create(Settings settings, OriginContext context) {
        return new HttpOrigin(HttpOriginConfig.from(settings), context);
    }

    private static String checkPaths(List<String> paths) {
        if (paths.isEmpty()) return "must name at least one path";
        for (String p : paths) {
            if (!p.startsWith("/")) return "path '" + p + "' must start with /";
            if (p.contains("?") || p.contains("#")) return "path '" + p + "' must not hold a query or fragment";
        }
        return null;
    }
}
