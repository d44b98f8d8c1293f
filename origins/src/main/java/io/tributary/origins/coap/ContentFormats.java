package io.tributary.origins.coap;

import org.eclipse.californium.core.coap.MediaTypeRegistry;

/**
 * CoAP Content-Format numbers to the MIME types the pipeline maps to formats: the IANA registry as Californium
 * knows it (50 application/json, 0 text/plain, 60 application/cbor, 110 application/senml+json...), and
 * {@code application/x-coap-format-<n>} for a number it does not know.
 */
final class ContentFormats {
    private static final String[] COMMON = new String[128];

    static {
        for (int n = 0; n < COMMON.length; n++) COMMON[n] = lookup(n);
    }

    private ContentFormats() {
    }

    /** The MIME type of Content-Format {@code format}, or null when the request has none (-1). */
    static String mimeType(int format) {
        if (format < 0) return null;
        return format < COMMON.length ? COMMON[format] : lookup(format);
    }

    private static String lookup(int format) {
        MediaTypeRegistry.MediaTypeDefintion definition = MediaTypeRegistry.getDefinition(format);
        return definition != null ? definition.getMime() : "application/x-coap-format-" + format;
    }
}
