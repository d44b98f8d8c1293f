package io.tributary.origins.udp;

import java.util.Map;

/** The origin contract again over the NIO fallback (one socket). */
class UdpNioOriginTest extends UdpOriginTest {
    @Override
    protected Map<String, Object> options() {
        return Map.of("bind", "127.0.0.1", "port", 0, "threads", 2, "transport", "nio");
    }
}
