package io.tributary.origins.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Throw-away PKI for TLS tests, made with the {@code openssl} CLI and the JDK's {@code keytool}: a CA, server
 * certificates signed by it, a client certificate for mutual TLS, and trust/key stores in PKCS12 and JKS.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit";
    final Path dir;

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A self-signed CA: {@code <name>.pem} and {@code <name>.key}. */
    TestCertificates ca(String name) throws IOException, InterruptedException {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-keyout", file(name + ".key"), "-out", file(name + ".pem"));
        return this;
    }

    /** A certificate signed by {@code ca}, with the given subjectAltName (e.g. IP:127.0.0.1,DNS:localhost). */
    TestCertificates signed(String name, String ca, String subjectAltName) throws IOException, InterruptedException {
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name, "-keyout", file(name + ".key"),
                "-out", file(name + ".csr"));
        List<String> cmd = new ArrayList<>(List.of("openssl", "x509", "-req", "-days", "2", "-in", file(name + ".csr"),
                "-CA", file(ca + ".pem"), "-CAkey", file(ca + ".key"), "-CAcreateserial", "-out", file(name + ".pem")));
        if (subjectAltName != null) {
            Path ext = dir.resolve(name + ".ext");
            Files.writeString(ext, "subjectAltName=" + subjectAltName + "\n");
            cmd.addAll(List.of("-extfile", ext.toString()));
        }
        run(cmd.toArray(new String[0]));
        return this;
    }

    /** {@code <name>.p12}: the key and certificate of {@code name}, for tls.keystore.file. */
    Path pkcs12(String name) throws IOException, InterruptedException {
        run("openssl", "pkcs12", "-export", "-in", file(name + ".pem"), "-inkey", file(name + ".key"), "-name", name,
                "-passout", "pass:" + PASSWORD, "-out", file(name + ".p12"));
        return dir.resolve(name + ".p12");
    }

    /** A trust store of type {@code PKCS12} or {@code JKS} holding the CA certificate {@code ca}. */
    Path truststore(String ca, String type) throws IOException, InterruptedException {
        Path store = dir.resolve(ca + "-trust." + type.toLowerCase());
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-importcert", "-noprompt", "-alias", ca, "-file", file(ca + ".pem"), "-keystore",
                store.toString(), "-storetype", type, "-storepass", PASSWORD);
        return store;
    }

    Path path(String fileName) {
        return dir.resolve(fileName);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
}
