package io.tributary.origins.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.util.Locale;

/**
 * What can be decided from a request's head, before any of its body is read: path (404), method (405),
 * credentials (401/403), expectation (417), content encoding (415) and declared length (413).
 *
 * <p>Immutable and thread-safe.
 */
final class RequestGate {
    private final HttpOriginConfig config;

    RequestGate(HttpOriginConfig config) {
        this.config = config;
    }

    /** Null when the request may send its body; otherwise the answer. */
    Reply check(HttpRequest request, String path) {
        if (!config.paths().contains(path)) {
            return Reply.error(HttpResponseStatus.NOT_FOUND, "not_found",
                    "No ingest endpoint at " + path + "; paths: " + config.paths());
        }
        HttpMethod method = request.method();
        if (!HttpMethod.POST.equals(method) && !HttpMethod.PUT.equals(method)) {
            return Reply.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                    "Method " + method + " is not allowed; use POST or PUT")
                    .withHeader(HttpHeaderNames.ALLOW.toString(), "POST, PUT");
        }
        Reply denied = config.authenticator().check(request.headers());
        if (denied != null) return denied;
        String expect = request.headers().get(HttpHeaderNames.EXPECT);
        if (expect != null && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect.trim())) {
            return Reply.error(HttpResponseStatus.EXPECTATION_FAILED, "expectation_failed",
                    "Only Expect: 100-continue is supported");
        }
        String encoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
        if (encoding != null && !isIdentity(encoding) && !isGzip(encoding)) {
            return Reply.error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_content_encoding",
                    "Content-Encoding '" + encoding + "' is not supported; use gzip or none");
        }
        long length = HttpUtil.getContentLength(request, -1L);
        if (length > config.maxBodyBytes()) {
            return Reply.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                    "Content-Length " + length + " is larger than max.body.bytes (" + config.maxBodyBytes() + ")");
        }
        return null;
    }

    /** Whether the (accepted) request's body is gzip. */
    static boolean gzip(HttpRequest request) {
        String encoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
        return encoding != null && isGzip(encoding);
    }

    /** The request's path without query string, percent-decoded; also for absolute-form targets. */
    static String path(String uri) {
        String target = uri;
        if (!target.startsWith("/")) {
            try {
                String raw = URI.create(target).getRawPath();
                target = raw == null || raw.isEmpty() ? "/" : raw;
            } catch (IllegalArgumentException e) {
                return uri;
            }
        }
        try {
            return new QueryStringDecoder(target).path();
        } catch (IllegalArgumentException e) {
            return target;
        }
    }

    private static boolean isGzip(String encoding) {
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        return e.equals("gzip") || e.equals("x-gzip");
    }

    private static boolean isIdentity(String encoding) {
        String e = encoding.trim();
        return e.isEmpty() || e.equalsIgnoreCase("identity");
    }
}
