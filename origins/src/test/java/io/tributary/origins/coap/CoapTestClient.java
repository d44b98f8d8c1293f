package io.tributary.origins.coap;

import io.tributary.origins.kit.OriginContractKit.Client;
import io.tributary.origins.kit.OriginContractKit.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;

/**
 * A real CoAP client for the tests: Californium's {@link CoapClient} on an endpoint of its own, configured
 * without the standard configuration (which would write Californium3.properties into the working directory).
 */
final class CoapTestClient implements Client {
    final CoapEndpoint endpoint;
    final CoapClient client;
    /** The types of the empty messages received (an empty ACK announces a separate response). */
    final List<Type> emptyMessages = new CopyOnWriteArrayList<>();

    private CoapTestClient(String uri, CoapEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = new CoapClient(uri);
        endpoint.addInterceptor(new MessageInterceptorAdapter() {
            @Override
            public void receiveEmptyMessage(EmptyMessage message) {
                emptyMessages.add(message.getType());
            }
        });
        client.setEndpoint(endpoint);
    }

    /** A file-less client configuration. */
    static Configuration configuration() {
        return new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, DtlsConfig.DEFINITIONS,
                SystemConfig.DEFINITIONS);
    }

    /** A plain UDP client of {@code uri} (coap://host:port/path). */
    static CoapTestClient udp(String uri) {
        return new CoapTestClient(uri, new CoapEndpoint.Builder().setConfiguration(configuration()).build());
    }

    /** A DTLS client of {@code uri} (coaps://...), {@code dtls} completed with the client role. */
    static CoapTestClient dtls(String uri, DtlsConnectorConfig.Builder dtls) {
        dtls.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(configuration())
                .setConnector(new DTLSConnector(dtls.build())).build();
        return new CoapTestClient(uri, endpoint);
    }

    /** Sends one request and waits for the answer; null when none came within {@code timeout}. */
    CoapResponse send(Code code, Type type, byte[] body, int contentFormat, Duration timeout) throws Exception {
        Request request = new Request(code, type);
        request.setPayload(body);
        if (contentFormat >= 0) request.getOptions().setContentFormat(contentFormat);
        client.setTimeout(timeout.toMillis());
        return client.advanced(request);
    }

    CoapResponse post(byte[] body, Duration timeout) throws Exception {
        return send(Code.POST, Type.CON, body, MediaTypeRegistry.APPLICATION_JSON, timeout);
    }

    @Override
    public Outcome send(byte[] payload, Duration timeout) throws Exception {
        return outcome(post(payload, timeout));
    }

    static Outcome outcome(CoapResponse response) {
        if (response == null) return Outcome.NO_ANSWER;
        if (response.isSuccess()) return Outcome.ACKED;
        return response.getCode().isServerError() ? Outcome.REFUSED : Outcome.REJECTED;
    }

    @Override
    public void close() {
        client.shutdown();
        endpoint.destroy();
    }
}
