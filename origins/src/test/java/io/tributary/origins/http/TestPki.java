package io.tributary.origins.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed EC certificates for TLS tests, made with the JDK's {@code keytool}: a server certificate for
 * 127.0.0.1/localhost, a client certificate the server trusts and one it does not. Each as a PKCS12 keystore and
 * as PEM certificate + PKCS#8 PEM key.
 */
final class TestPki {
    static final String PASSWORD = "changeit";

    /** One identity: its keystore and PEM files. */
    record Identity(Path p12, Path certPem, Path keyPem) {
    }

    final Identity server;
    final Identity client;
    final Identity stranger;

    private TestPki(Identity server, Identity client, Identity stranger) {
        this.server = server;
        this.client = client;
        this.stranger = stranger;
    }

    static TestPki create(Path dir) throws Exception {
        return new TestPki(identity(dir, "server", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost"),
                identity(dir, "client", "CN=device-1,O=Tributary Test", null),
                identity(dir, "stranger", "CN=stranger", null));
    }

    private static Identity identity(Path dir, String name, String dn, String extension) throws Exception {
        Path p12 = dir.resolve(name + ".p12");
        List<String> args = new java.util.ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", dn, "-keystore", p12.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (extension != null) {
            args.add("-ext");
            args.add(extension);
        }
        keytool(args);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD.toCharArray());
        }
        Path cert = dir.resolve(name + ".pem");
        Path key = dir.resolve(name + "-key.pem");
        Files.writeString(cert, pem("CERTIFICATE", store.getCertificate(name).getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ((PrivateKey) store.getKey(name, PASSWORD.toCharArray())).getEncoded()));
        return new Identity(p12, cert, key);
    }

    private static void keytool(List<String> args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) throw new IllegalStateException("keytool not found at " + keytool);
        List<String> command = new java.util.ArrayList<>();
        command.add(keytool.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args + " failed: " + output);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A client context trusting the server certificate, presenting {@code identity} (or nothing when null). */
    SSLContext clientContext(Identity identity) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(server.certPem())) {
            trust.setCertificateEntry("server",
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (identity != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(identity.p12())) {
                keys.load(in, PASSWORD.toCharArray());
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD.toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
