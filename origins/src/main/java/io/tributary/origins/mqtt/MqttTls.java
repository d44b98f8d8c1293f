package io.tributary.origins.mqtt;

import io.tributary.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link SSLSocketFactory} for {@code ssl://} broker URLs from the origin's TLS options: the CAs to
 * trust (a PKCS12/JKS trust store or a PEM file; default the JVM's), and optionally this client's key and
 * certificate for mutual TLS. Problems become {@link ConfigException}s naming the option.
 */
final class MqttTls {
    /** TLS file options, as given; every field may be null. */
    record TlsFiles(String truststoreFile, String truststorePassword, String caFile, String keystoreFile,
            String keystorePassword) {
        boolean any() {
            return truststoreFile != null || caFile != null || keystoreFile != null;
        }
    }

    private MqttTls() {
    }

    /** The socket factory, or null when no TLS file is configured (the JVM default is used then). */
    static SSLSocketFactory socketFactory(TlsFiles files, List<ConfigException.Problem> problems) {
        if (!files.any()) return null;
        int before = problems.size();
        TrustManagerFactory trust = null;
        KeyManagerFactory keys = null;
        try {
            KeyStore trusted = null;
            if (files.truststoreFile() != null) {
                trusted = load(MqttOriginType.TLS_TRUSTSTORE_FILE.name(), files.truststoreFile(),
                        files.truststorePassword(), problems);
            } else if (files.caFile() != null) {
                trusted = pem(files.caFile(), problems);
            }
            if (trusted != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
            }
            if (files.keystoreFile() != null) {
                KeyStore own = load(MqttOriginType.TLS_KEYSTORE_FILE.name(), files.keystoreFile(),
                        files.keystorePassword(), problems);
                if (own != null) {
                    keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    keys.init(own, chars(files.keystorePassword()));
                }
            }
            if (problems.size() > before) return null;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            String key = files.keystoreFile() != null ? MqttOriginType.TLS_KEYSTORE_FILE.name()
                    : MqttOriginType.TLS_TRUSTSTORE_FILE.name();
            problems.add(new ConfigException.Problem(key, "cannot set up TLS: " + e.getMessage()));
            return null;
        }
    }

    /** A PKCS12 or JKS key store (the type is detected from the file). */
    private static KeyStore load(String key, String file, String password, List<ConfigException.Problem> problems) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            problems.add(new ConfigException.Problem(key, "cannot read '" + file + "'"));
            return null;
        }
        try {
            return KeyStore.getInstance(path.toFile(), chars(password));
        } catch (IOException | GeneralSecurityException e) {
            problems.add(new ConfigException.Problem(key, "cannot load key store '" + file
                    + "' (PKCS12 or JKS; is the password right?): " + e.getMessage()));
            return null;
        }
    }

    /** An in-memory trust store with every certificate of a PEM file. */
    private static KeyStore pem(String file, List<ConfigException.Problem> problems) {
        String key = MqttOriginType.TLS_CA_FILE.name();
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            problems.add(new ConfigException.Problem(key, "cannot read '" + file + "'"));
            return null;
        }
        try (InputStream in = Files.newInputStream(path)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                problems.add(new ConfigException.Problem(key, "'" + file + "' holds no PEM certificate"));
                return null;
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : certs) store.setCertificateEntry("ca-" + i++, cert);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            problems.add(new ConfigException.Problem(key, "cannot read certificates from '" + file + "': "
                    + e.getMessage()));
            return null;
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
