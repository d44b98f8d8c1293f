package io.tributary.origins;

import java.util.Set;

/**
 * The payload's content type maps to no format of the pipeline. Nothing was kept: HTTP answers 415, CoAP 4.15.
 *
 * <p>Stable API since 0.1.
 */
public final class UnsupportedContentTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedContentTypeException(String contentType, Set<String> supported) {
        super("Unsupported content type '" + contentType + "'; supported: " + supported, null, false, false);
    }
}
