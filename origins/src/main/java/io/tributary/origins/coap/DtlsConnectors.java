package io.tributary.origins.coap;

import java.net.InetSocketAddress;
import java.util.Map;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

/**
 * Builds the Scandium DTLS 1.2 connector of a CoAP origin from its {@link DtlsCredentials}: a server-only
 * connector with a PSK store and/or an X.509 identity, and, when client certificates are wanted or needed, a
 * verifier trusting the configured CAs. Scandium picks the cipher suites that the credentials allow
 * (PSK: TLS_PSK_WITH_AES_128_CCM_8 and friends, ECDHE_PSK; certificates: TLS_ECDHE_ECDSA_* / TLS_ECDHE_RSA_*).
 */
final class DtlsConnectors {
    private DtlsConnectors() {
    }

    static DTLSConnector create(InetSocketAddress address, Configuration configuration, DtlsCredentials credentials) {
        DtlsConnectorConfig.Builder builder = DtlsConnectorConfig.builder(configuration)
                .setAddress(address)
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY)
                .set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, mode(credentials.clientAuth()));
        if (!credentials.psk().isEmpty()) {
            AdvancedMultiPskStore store = new AdvancedMultiPskStore();
            for (Map.Entry<String, byte[]> e : credentials.psk().entrySet()) store.setKey(e.getKey(), e.getValue());
            builder.setAdvancedPskStore(store);
        }
        if (credentials.hasCertificate()) {
            builder.setCertificateIdentityProvider(
                    new SingleCertificateProvider(credentials.key(), credentials.chain(), CertificateType.X_509));
            if (!credentials.clientAuth().equals("none")) {
                builder.setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                        .setTrustedCertificates(credentials.trusted()).build());
            }
        }
        return new DTLSConnector(builder.build());
    }

    private static CertificateAuthenticationMode mode(String clientAuth) {
        return switch (clientAuth) {
            case "wanted" -> CertificateAuthenticationMode.WANTED;
            case "needed" -> CertificateAuthenticationMode.NEEDED;
            default -> CertificateAuthenticationMode.NONE;
        };
    }
}
