package io.tributary.origins.coap;

import io.tributary.formats.ParseError;
import io.tributary.origins.BackPressureException;
import io.tributary.origins.IngestResult;
import io.tributary.origins.UnsupportedContentTypeException;
import io.tributary.origins.coap.CoapMetrics.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;

/**
 * The CoAP answer to each outcome of a request. Error answers carry a short diagnostic payload (RFC 7252 5.5.2:
 * UTF-8 text, no Content-Format) that fits in one datagram.
 */
final class Replies {
    static final int MAX_DIAGNOSTIC_BYTES = 200;

    private Replies() {
    }

    /** The answer once the pipeline's stage completed; counts the outcome. */
    static Response completed(IngestResult result, Throwable failure, CoapMetrics metrics) {
        if (failure == null) {
            if (!result.rejected()) {
                metrics.acked();
                return new Response(ResponseCode.CHANGED);
            }
            metrics.rejected(Reason.MALFORMED);
            return diagnostic(ResponseCode.BAD_REQUEST, firstError(result));
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof BackPressureException bp) {
            metrics.rejected(Reason.BACK_PRESSURE);
            return serviceUnavailable(bp.retryAfter(), "busy, retry after Max-Age seconds");
        }
        if (cause instanceof UnsupportedContentTypeException) {
            metrics.rejected(Reason.CONTENT_TYPE);
            return diagnostic(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, cause.getMessage());
        }
        metrics.rejected(Reason.FAILED);
        return diagnostic(ResponseCode.INTERNAL_SERVER_ERROR, "not stored, retry");
    }

    static Response tooLarge(int maxBodyBytes) {
        Response response = diagnostic(ResponseCode.REQUEST_ENTITY_TOO_LARGE,
                "body too large, max. " + maxBodyBytes + " bytes");
        response.getOptions().setSize1(maxBodyBytes);
        return response;
    }

    /** 5.03 with Max-Age: the seconds to wait, rounded up, at least 1. */
    static Response serviceUnavailable(Duration retryAfter, String message) {
        Response response = diagnostic(ResponseCode.SERVICE_UNAVAILABLE, message);
        long seconds = retryAfter == null ? 1 : (retryAfter.toMillis() + 999) / 1000;
        response.getOptions().setMaxAge(Math.max(1, Math.min(seconds, 0xFFFF_FFFFL)));
        return response;
    }

    private static String firstError(IngestResult result) {
        if (result.firstErrors().isEmpty()) return "malformed payload: " + result.errors() + " error(s)";
        ParseError e = result.firstErrors().get(0);
        return e.code() + ": " + e.message();
    }

    private static Response diagnostic(ResponseCode code, String text) {
        Response response = new Response(code);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_DIAGNOSTIC_BYTES) {
            String cut = text.substring(0, Math.min(text.length(), MAX_DIAGNOSTIC_BYTES - 3));
            while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_DIAGNOSTIC_BYTES - 3) {
                cut = cut.substring(0, cut.length() - 1);
            }
            bytes = (cut + "...").getBytes(StandardCharsets.UTF_8);
        }
        response.setPayload(bytes);
        return response;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
