package io.tributary.origins.coap;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * One configured path: POST and PUT go to the {@link RequestHandler}; every other method answers 4.05 Method Not
 * Allowed (Californium's default). Requests arrive whole: Californium's block-wise layer has assembled BLOCK1
 * uploads (up to {@code max.body.bytes}) before this sees them.
 */
final class IngestResource extends CoapResource {
    private final String path;
    private final RequestHandler handler;

    IngestResource(String name, String path, RequestHandler handler) {
        super(name);
        this.path = path;
        this.handler = handler;
        getAttributes().setTitle("Tributary ingest: POST or PUT payloads");
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        handler.handle(exchange, path);
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        handler.handle(exchange, path);
    }
}
