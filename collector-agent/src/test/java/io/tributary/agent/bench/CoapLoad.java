package io.tributary.agent.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * CoAP load generator, run as its own process by {@link OriginsBenchmark}: {@code count} CON POSTs of one ~250-byte
 * JSON event to {@code uri} with {@code window} requests outstanding (Californium, file-less configuration);
 * prints {@code coap-load sent=N ok=K failed=F elapsed.ms=T}. A request counts once answered 2.xx.
 */
public final class CoapLoad {
    private CoapLoad() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        int count = Integer.parseInt(args[1]);
        int windowSize = Integer.parseInt(args[2]);
        byte[] body = BenchSupport.payload(1).getBytes(StandardCharsets.UTF_8);
        Configuration config = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
                SystemConfig.DEFINITIONS);
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(new CoapEndpoint.Builder().setConfiguration(config).build());
        client.setTimeout(30_000L);
        for (int i = 0; i < 50; i++) client.post(body, MediaTypeRegistry.APPLICATION_JSON); // warm-up
        Semaphore window = new Semaphore(windowSize);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            window.acquire();
            Request request = new Request(CoAP.Code.POST, CoAP.Type.CON);
            request.setPayload(body);
            request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
            client.advanced(new CoapHandler() {
                @Override
                public void onLoad(CoapResponse response) {
                    if (response.isSuccess()) ok.incrementAndGet();
                    else failed.incrementAndGet();
                    window.release();
                }

                @Override
                public void onError() {
                    failed.incrementAndGet();
                    window.release();
                }
            }, request);
        }
        window.acquire(windowSize);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("coap-load sent=%d ok=%d failed=%d elapsed.ms=%d%n", count, ok.get(), failed.get(), ms);
        System.exit(0);
    }
}
