package io.tributary.origins.coap;

import io.tributary.origins.kit.OriginContractKit;
import java.util.Map;

/** The origin contract, with Californium's CoapClient sending CON POSTs. */
class CoapOriginTest extends OriginContractKit {
    @Override
    protected String type() {
        return "coap";
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("bind", "127.0.0.1", "port", 0);
    }

    @Override
    protected Client client() {
        return CoapTestClient.udp(origin.describe() + "/ingest");
    }
}
