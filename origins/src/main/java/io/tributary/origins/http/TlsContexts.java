package io.tributary.origins.http;

import static io.tributary.origins.http.HttpOriginType.TLS_CERT_FILE;
import static io.tributary.origins.http.HttpOriginType.TLS_CLIENT_AUTH;
import static io.tributary.origins.http.HttpOriginType.TLS_ENABLED;
import static io.tributary.origins.http.HttpOriginType.TLS_KEYSTORE_FILE;
import static io.tributary.origins.http.HttpOriginType.TLS_KEYSTORE_PASSWORD;
import static io.tributary.origins.http.HttpOriginType.TLS_KEY_FILE;
import static io.tributary.origins.http.HttpOriginType.TLS_KEY_PASSWORD;
import static io.tributary.origins.http.HttpOriginType.TLS_TRUSTSTORE_FILE;
import static io.tributary.origins.http.HttpOriginType.TLS_TRUSTSTORE_PASSWORD;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.Settings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the server's TLS context from PEM files or a PKCS12 keystore, with optional client-certificate
 * verification (mTLS) against a PEM or PKCS12 truststore. Every unusable setting becomes a problem naming its
 * key.
 */
final class TlsContexts {
    private TlsContexts() {
    }

    /** The server context, or null after adding at least one problem. */
    static SslContext server(Settings s, List<ConfigException.Problem> problems) {
        int before = problems.size();
        boolean pem = s.get(TLS_CERT_FILE) != null || s.get(TLS_KEY_FILE) != null;
        boolean keystore = s.get(TLS_KEYSTORE_FILE) != null;
        SslContextBuilder builder = null;
        if (pem && keystore) {
            problems.add(problem(TLS_KEYSTORE_FILE, "give either tls.cert.file + tls.key.file or tls.keystore.file, "
                    + "not both"));
        } else if (!pem && !keystore) {
            problems.add(problem(TLS_ENABLED, "TLS needs tls.cert.file + tls.key.file (PEM) or tls.keystore.file "
                    + "(PKCS12)"));
        } else if (pem) {
            builder = fromPem(s, problems);
        } else {
            builder = fromKeystore(s, problems);
        }
        ClientAuth clientAuth = switch (s.get(TLS_CLIENT_AUTH)) {
            case "optional" -> ClientAuth.OPTIONAL;
            case "required" -> ClientAuth.REQUIRE;
            default -> ClientAuth.NONE;
        };
        TrustManagerFactory trust = null;
        if (clientAuth != ClientAuth.NONE) {
            if (s.get(TLS_TRUSTSTORE_FILE) == null) {
                problems.add(problem(TLS_TRUSTSTORE_FILE, "is required when tls.client.auth is "
                        + s.get(TLS_CLIENT_AUTH) + ": the CA certificates client certificates must chain to"));
            } else {
                trust = truststore(s, problems);
            }
        }
        if (builder == null || problems.size() > before) return null;
        try {
            builder.sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2").clientAuth(clientAuth);
            if (trust != null) builder.trustManager(trust);
            return builder.build();
        } catch (Exception e) {
            problems.add(problem(TLS_ENABLED, "cannot set up TLS: " + e.getMessage()));
            return null;
        }
    }

    private static SslContextBuilder fromPem(Settings s, List<ConfigException.Problem> problems) {
        Path cert = readable(s, TLS_CERT_FILE, problems);
        Path key = readable(s, TLS_KEY_FILE, problems);
        if (cert == null || key == null) return null;
        try {
            return SslContextBuilder.forServer(cert.toFile(), key.toFile(), s.get(TLS_KEY_PASSWORD));
        } catch (Exception e) {
            problems.add(problem(TLS_KEY_FILE, "cannot use certificate " + cert + " with key " + key + ": "
                    + rootMessage(e) + " (the key must be PKCS#8 PEM: openssl pkcs8 -topk8 converts others)"));
            return null;
        }
    }

    private static SslContextBuilder fromKeystore(Settings s, List<ConfigException.Problem> problems) {
        Path file = readable(s, TLS_KEYSTORE_FILE, problems);
        if (file == null) return null;
        char[] password = s.get(TLS_KEYSTORE_PASSWORD).toCharArray();
        try {
            KeyStore store = load(file, password);
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) hasKey |= store.isKeyEntry(alias);
            if (!hasKey) {
                problems.add(problem(TLS_KEYSTORE_FILE, file + " holds no private key entry"));
                return null;
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            return SslContextBuilder.forServer(kmf);
        } catch (Exception e) {
            problems.add(problem(TLS_KEYSTORE_FILE, "cannot read PKCS12 keystore " + file + ": " + rootMessage(e)));
            return null;
        }
    }

    private static TrustManagerFactory truststore(Settings s, List<ConfigException.Problem> problems) {
        Path file = readable(s, TLS_TRUSTSTORE_FILE, problems);
        if (file == null) return null;
        try {
            KeyStore store;
            if (isPem(file)) {
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        store.setCertificateEntry("ca-" + i++, cert);
                    }
                }
                if (i == 0) throw new IllegalArgumentException("no certificate in the file");
            } else {
                store = load(file, s.get(TLS_TRUSTSTORE_PASSWORD).toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf;
        } catch (Exception e) {
            problems.add(problem(TLS_TRUSTSTORE_FILE, "cannot read truststore " + file + ": " + rootMessage(e)));
            return null;
        }
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static boolean isPem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
        }
    }

    private static Path readable(Settings s, Option<String> option, List<ConfigException.Problem> problems) {
        String name = s.get(option);
        if (name == null) {
            problems.add(problem(option, "is required: " + option.doc()));
            return null;
        }
        Path path = Path.of(name);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            problems.add(problem(option, "invalid value '" + name + "': not a readable file"));
            return null;
        }
        return path;
    }

    private static ConfigException.Problem problem(Option<?> option, String message) {
        return new ConfigException.Problem(option.name(), message);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? m : e.getMessage() + " (" + m + ")";
    }
}
