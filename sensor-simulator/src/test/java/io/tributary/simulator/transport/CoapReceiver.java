package io.tributary.simulator.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/** A Californium {@link CoapServer} on a free loopback port answering 2.04 to POSTs on {@code /rssi}. */
public final class CoapReceiver implements AutoCloseable {
    private final CoapServer server;
    private final CoapEndpoint endpoint;
    public final Received received;

    public CoapReceiver(boolean keep) {
        received = new Received(keep);
        Configuration config = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS);
        config.set(CoapConfig.EXCHANGE_LIFETIME, 10, TimeUnit.SECONDS);
        config.set(CoapConfig.NON_LIFETIME, 10, TimeUnit.SECONDS);
        config.set(CoapConfig.MARK_AND_SWEEP_INTERVAL, 1, TimeUnit.SECONDS);
        config.set(UdpConfig.UDP_RECEIVE_BUFFER_SIZE, 8 << 20);
        server = new CoapServer(config);
        endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        server.addEndpoint(endpoint);
        server.add(new CoapResource("rssi") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                received.add("/rssi", exchange.getRequestPayload());
                exchange.respond(CoAP.ResponseCode.CHANGED);
            }
        });
        server.start();
    }

    public int port() {
        return endpoint.getAddress().getPort();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
