package io.tributary.origins.coap;

import static io.tributary.origins.coap.CoapOriginType.DTLS_CERT_FILE;
import static io.tributary.origins.coap.CoapOriginType.DTLS_CLIENT_AUTH;
import static io.tributary.origins.coap.CoapOriginType.DTLS_KEYSTORE_FILE;
import static io.tributary.origins.coap.CoapOriginType.DTLS_KEYSTORE_PASSWORD;
import static io.tributary.origins.coap.CoapOriginType.DTLS_KEY_FILE;
import static io.tributary.origins.coap.CoapOriginType.DTLS_PSK;
import static io.tributary.origins.coap.CoapOriginType.DTLS_PSK_IDENTITY;
import static io.tributary.origins.coap.CoapOriginType.DTLS_PSK_SECRET;
import static io.tributary.origins.coap.CoapOriginType.DTLS_TRUSTSTORE_FILE;
import static io.tributary.origins.coap.CoapOriginType.DTLS_TRUSTSTORE_PASSWORD;

import io.tributary.config.ConfigException.Problem;
import io.tributary.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.elements.util.SslContextUtil;

/**
 * The DTLS credentials of a CoAP origin, loaded from its settings: pre-shared keys, the server's key and
 * certificate chain (PEM files or a PKCS12 keystore), and the CAs that client certificates must chain to.
 *
 * @param psk secrets by identity (possibly empty)
 * @param key the server's private key, or null (PSK only)
 * @param chain the server's certificate chain, or null
 * @param clientAuth none, wanted or needed
 * @param trusted trusted CA certificates for client certificates (possibly empty)
 */
record DtlsCredentials(Map<String, byte[]> psk, PrivateKey key, X509Certificate[] chain, String clientAuth,
        X509Certificate[] trusted) {

    boolean hasCertificate() {
        return key != null;
    }

    static DtlsCredentials load(Settings s, List<Problem> problems) {
        Map<String, byte[]> psk = psk(s, problems);
        Identity identity = identity(s, problems);
        X509Certificate[] trusted = trusted(s, problems);
        boolean certificate = s.get(DTLS_CERT_FILE) != null || s.get(DTLS_KEYSTORE_FILE) != null;
        String clientAuth = s.get(DTLS_CLIENT_AUTH);
        if (!clientAuth.equals("none")) {
            if (!certificate) {
                problems.add(new Problem(DTLS_CLIENT_AUTH.name(), "client certificates need a server certificate "
                        + "(dtls.cert.file or dtls.keystore.file)"));
            }
            if (s.get(DTLS_TRUSTSTORE_FILE) == null) {
                problems.add(new Problem(DTLS_TRUSTSTORE_FILE.name(), "is required with dtls.client.auth "
                        + clientAuth));
            }
        }
        if (psk.isEmpty() && !certificate) {
            problems.add(new Problem("dtls.enabled", "DTLS needs credentials: dtls.psk.identity + dtls.psk.secret, "
                    + "dtls.psk, dtls.cert.file + dtls.key.file, or dtls.keystore.file"));
        }
        return new DtlsCredentials(psk, identity.key(), identity.chain(), clientAuth, trusted);
    }

    private record Identity(PrivateKey key, X509Certificate[] chain) {
    }

    /** The server's key and chain from PEM files or a PKCS12 keystore; nulls when there is none. */
    private static Identity identity(Settings s, List<Problem> problems) {
        String certFile = s.get(DTLS_CERT_FILE);
        String keyFile = s.get(DTLS_KEY_FILE);
        String keystore = s.get(DTLS_KEYSTORE_FILE);
        if (certFile != null && keystore != null) {
            problems.add(new Problem(DTLS_KEYSTORE_FILE.name(), "give either dtls.keystore.file or dtls.cert.file"));
        } else if (certFile != null) {
            try {
                SslContextUtil.Credentials pem = pem(certFile);
                X509Certificate[] chain = pem.getCertificateChain();
                PrivateKey key = keyFile != null ? pem(keyFile).getPrivateKey() : pem.getPrivateKey();
                if (chain == null) problems.add(new Problem(DTLS_CERT_FILE.name(), "no certificate in " + certFile));
                if (key == null) {
                    problems.add(new Problem(DTLS_KEY_FILE.name(), "no private key in "
                            + (keyFile != null ? keyFile : certFile + " (set dtls.key.file)")));
                }
                return new Identity(key, chain);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                problems.add(new Problem(DTLS_CERT_FILE.name(), "cannot load '" + certFile + "'"
                        + (keyFile != null ? " or '" + keyFile + "'" : "") + ": " + reason(e)));
            }
        } else if (keystore != null) {
            try {
                char[] password = s.get(DTLS_KEYSTORE_PASSWORD).toCharArray();
                KeyStore ks = pkcs12(keystore, password);
                for (String alias : Collections.list(ks.aliases())) {
                    if (!ks.isKeyEntry(alias)) continue;
                    return new Identity((PrivateKey) ks.getKey(alias, password),
                            SslContextUtil.asX509Certificates(ks.getCertificateChain(alias)));
                }
                problems.add(new Problem(DTLS_KEYSTORE_FILE.name(), "no key entry in " + keystore));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                problems.add(new Problem(DTLS_KEYSTORE_FILE.name(), "cannot load '" + keystore + "': " + reason(e)));
            }
        } else if (keyFile != null) {
            problems.add(new Problem(DTLS_KEY_FILE.name(), "needs dtls.cert.file"));
        }
        return new Identity(null, null);
    }

    private static X509Certificate[] trusted(Settings s, List<Problem> problems) {
        String truststore = s.get(DTLS_TRUSTSTORE_FILE);
        if (truststore == null) return new X509Certificate[0];
        try {
            X509Certificate[] trusted = trustedCertificates(truststore, s.get(DTLS_TRUSTSTORE_PASSWORD).toCharArray());
            if (trusted.length == 0) {
                problems.add(new Problem(DTLS_TRUSTSTORE_FILE.name(), "no certificate in " + truststore));
            }
            return trusted;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            problems.add(new Problem(DTLS_TRUSTSTORE_FILE.name(), "cannot load '" + truststore + "': " + reason(e)));
            return new X509Certificate[0];
        }
    }

    private static Map<String, byte[]> psk(Settings s, List<Problem> problems) {
        Map<String, byte[]> psk = new LinkedHashMap<>();
        String identity = s.get(DTLS_PSK_IDENTITY);
        String secret = s.get(DTLS_PSK_SECRET);
        if ((identity == null) != (secret == null)) {
            problems.add(new Problem(identity == null ? DTLS_PSK_IDENTITY.name() : DTLS_PSK_SECRET.name(),
                    "dtls.psk.identity and dtls.psk.secret go together"));
        } else if (identity != null) {
            put(psk, DTLS_PSK_SECRET.name(), identity, secret, problems);
        }
        for (String entry : s.get(DTLS_PSK)) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                problems.add(new Problem(DTLS_PSK.name(), "invalid entry '" + entry.replaceAll("=.*", "=...")
                        + "': must be identity=secret"));
            } else {
                put(psk, DTLS_PSK.name(), entry.substring(0, eq), entry.substring(eq + 1), problems);
            }
        }
        return psk;
    }

    private static void put(Map<String, byte[]> psk, String key, String identity, String secret,
            List<Problem> problems) {
        byte[] bytes;
        if (secret.startsWith("hex:")) {
            try {
                bytes = HexFormat.of().parseHex(secret.substring(4));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(key, "the secret of '" + identity + "' is not valid hex"));
                return;
            }
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length == 0) problems.add(new Problem(key, "the secret of '" + identity + "' is empty"));
        if (psk.put(identity, bytes) != null) problems.add(new Problem(key, "identity '" + identity + "' twice"));
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString();
    }

    private static boolean isPkcs12(String file) {
        String f = file.toLowerCase(java.util.Locale.ROOT);
        return f.endsWith(".p12") || f.endsWith(".pfx") || f.endsWith(".pkcs12");
    }

    private static KeyStore pkcs12(String file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            ks.load(in, password);
        }
        return ks;
    }

    private static X509Certificate[] pemCertificates(String file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
        }
    }

    private static SslContextUtil.Credentials pem(String file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return SslContextUtil.loadPemCredentials(in);
        }
    }

    private static X509Certificate[] trustedCertificates(String file, char[] password)
            throws IOException, GeneralSecurityException {
        if (!isPkcs12(file)) return pemCertificates(file);
        KeyStore ks = pkcs12(file, password);
        List<X509Certificate> certs = new ArrayList<>();
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.getCertificate(alias) instanceof X509Certificate c) certs.add(c);
        }
        return certs.toArray(new X509Certificate[0]);
    }
}
