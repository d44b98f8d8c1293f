package io.tributary.origins.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.tributary.formats.ParseError;
import io.tributary.origins.BackPressureException;
import io.tributary.origins.IngestResult;
import io.tributary.origins.UnsupportedContentTypeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One answer to a request: status, a small JSON body saying what happened, extra headers, and the reason it
 * is counted under when it is not a success.
 *
 * @param reason the {@code reason} tag of the rejected counter, or null for a 2xx answer
 */
record Reply(HttpResponseStatus status, String json, Map<String, String> headers, String reason) {

    Reply {
        headers = Map.copyOf(headers);
    }

    /** {@code {"error":code,"message":message}}; {@code code} is also the metric reason. */
    static Reply error(HttpResponseStatus status, String code, String message) {
        return new Reply(status, "{\"error\":" + quote(code) + ",\"message\":" + quote(message) + "}", Map.of(), code);
    }

    /** The payload is durable: 200 with the counts (and the first errors, if any); 400 when only errors. */
    static Reply of(IngestResult result) {
        StringBuilder sb = new StringBuilder(64).append("{\"records\":").append(result.records())
                .append(",\"errors\":").append(result.errors());
        if (!result.firstErrors().isEmpty()) {
            sb.append(",\"first_errors\":[");
            boolean first = true;
            for (ParseError e : result.firstErrors()) {
                if (!first) sb.append(',');
                first = false;
                sb.append("{\"code\":").append(quote(e.code())).append(",\"message\":").append(quote(e.message()))
                        .append(",\"offset\":").append(e.offset()).append('}');
            }
            sb.append(']');
        }
        String json = sb.append('}').toString();
        return result.rejected()
                ? new Reply(HttpResponseStatus.BAD_REQUEST, json, Map.of(), "invalid_payload")
                : new Reply(HttpResponseStatus.OK, json, Map.of(), null);
    }

    /** The payload was not made durable: 503 (back-pressure), 415 (content type) or 500; never a success. */
    static Reply failure(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof BackPressureException bp) {
            Duration wait = bp.retryAfter() == null ? Duration.ZERO : bp.retryAfter();
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            return error(HttpResponseStatus.SERVICE_UNAVAILABLE, "back_pressure", String.valueOf(bp.getMessage()))
                    .withHeader(HttpHeaderNames.RETRY_AFTER.toString(), Long.toString(seconds));
        }
        if (t instanceof UnsupportedContentTypeException) {
            return error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", t.getMessage());
        }
        return error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "ingest_failed",
                "The payload was not stored (" + t.getClass().getSimpleName() + ": " + t.getMessage()
                        + "); send it again");
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, json, more, reason);
    }

    boolean success() {
        return reason == null;
    }

    /** The response, with {@code Connection: close} or (for HTTP/1.0 clients) {@code keep-alive}. */
    FullHttpResponse toResponse(boolean keepAlive, boolean http10) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.forEach((name, value) -> response.headers().set(name, value));
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return response;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
