package io.tributary.origins.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.tributary.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a request's credentials: none, a bearer token ({@code Authorization: Bearer <token>}) or an API key in
 * a header. Missing credentials are 401 (with {@code WWW-Authenticate}), wrong ones 403. Tokens are compared by
 * their SHA-256 digests in constant time, against every accepted token.
 *
 * <p>Immutable and thread-safe.
 */
final class Authenticator {
    private enum Mode { NONE, BEARER, API_KEY }

    private static final String REALM = "tributary";
    private final Mode mode;
    /** The API-key header as configured (lookups are case-insensitive). */
    private final String header;
    private final List<byte[]> digests;

    private Authenticator(Mode mode, String header, List<byte[]> digests) {
        this.mode = mode;
        this.header = header;
        this.digests = digests;
    }

    /** Validates the auth options, adding problems by key; returns an authenticator even when there are some. */
    static Authenticator create(String mode, List<String> tokens, String header, List<ConfigException.Problem> problems) {
        Mode m = switch (mode) {
            case "bearer" -> Mode.BEARER;
            case "api_key" -> Mode.API_KEY;
            default -> Mode.NONE;
        };
        List<byte[]> digests = new ArrayList<>();
        if (m != Mode.NONE) {
            if (tokens.isEmpty()) {
                problems.add(new ConfigException.Problem(HttpOriginType.AUTH_TOKENS.name(),
                        "is required when auth is " + mode + ": list the accepted tokens"));
            }
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i).trim();
                if (token.isEmpty()) {
                    problems.add(new ConfigException.Problem(HttpOriginType.AUTH_TOKENS.name() + "[" + i + "]",
                            "is empty (an unset environment variable?)"));
                } else {
                    digests.add(digest(token));
                }
            }
        }
        String h = header == null ? "" : header.trim();
        if (m == Mode.API_KEY && h.isEmpty()) {
            problems.add(new ConfigException.Problem(HttpOriginType.AUTH_HEADER.name(), "must name a header"));
        }
        return new Authenticator(m, m == Mode.API_KEY ? h : null, List.copyOf(digests));
    }

    /** The lower-case header holding credentials ({@code authorization} or the API-key header), or null. */
    String headerName() {
        return switch (mode) {
            case NONE -> null;
            case BEARER -> HttpHeaderNames.AUTHORIZATION.toString();
            case API_KEY -> header.toLowerCase(Locale.ROOT);
        };
    }

    /** Null when the request may go on; otherwise the 401 or 403 answer. */
    Reply check(HttpHeaders headers) {
        if (mode == Mode.NONE) return null;
        String presented = mode == Mode.BEARER ? bearerToken(headers.get(HttpHeaderNames.AUTHORIZATION))
                : headers.get(header);
        if (presented == null || presented.isBlank()) {
            Reply missing = Reply.error(HttpResponseStatus.UNAUTHORIZED, "unauthorized",
                    mode == Mode.BEARER ? "Missing bearer token (Authorization: Bearer <token>)"
                            : "Missing API key (header " + header + ")");
            return missing.withHeader(HttpHeaderNames.WWW_AUTHENTICATE.toString(), mode == Mode.BEARER
                    ? "Bearer realm=\"" + REALM + "\""
                    : "ApiKey realm=\"" + REALM + "\", header=\"" + header + "\"");
        }
        byte[] d = digest(presented.trim());
        boolean ok = false;
        for (byte[] accepted : digests) ok |= MessageDigest.isEqual(accepted, d);
        return ok ? null : Reply.error(HttpResponseStatus.FORBIDDEN, "forbidden",
                mode == Mode.BEARER ? "Bearer token not accepted" : "API key not accepted");
    }

    /** The token of {@code Bearer <token>}, or null for a missing header or another scheme. */
    private static String bearerToken(String authorization) {
        if (authorization == null) return null;
        String value = authorization.trim();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return value.substring(7);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
