package io.tributary.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacks the built tarball and uses it as a user would, with no source checkout around it. */
class DistributionIT {
    @TempDir
    static Path unpacked;
    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("tributary.dist"));
        assertTrue(Files.isRegularFile(tarball), "no distribution at " + tarball);
        Result tar = run(unpacked, "tar", "-xzf", tarball.toString(), "-C", unpacked.toString());
        assertEquals(0, tar.exit, tar.output);
        try (Stream<Path> top = Files.list(unpacked)) {
            home = top.findFirst().orElseThrow();
        }
    }

    @Test
    void theAgentCarriesNoSparkNoScalaAndNoKafkaBroker() throws IOException {
        List<String> agentJars = jars("collector-agent");
        assertTrue(agentJars.stream().anyMatch(j -> j.startsWith("kafka-clients-")), agentJars.toString());
        assertTrue(agentJars.stream().anyMatch(j -> j.startsWith("collector-agent-")), agentJars.toString());
        for (String jar : agentJars) {
            assertFalse(jar.startsWith("spark-") || jar.startsWith("scala-") || jar.startsWith("kafka_2."),
                    "the agent's lib holds " + jar);
        }
        assertTrue(jars("cloud-stages").stream().anyMatch(j -> j.startsWith("spark-streaming_")),
                "the cloud job's lib runs Spark locally");
    }

    @Test
    void theLauncherRunsFromTheUnpackedFolder() throws Exception {
        Path bin = home.resolve("bin/tributary");
        assertTrue(Files.isExecutable(bin));
        Path events = home.resolve("examples/sensor-events.ndjson");
        Result parse = run(home, bin.toString(), "parse", "--format", "json", events.toString());
        assertEquals(0, parse.exit, parse.output);
        long lines = Files.readAllLines(events).stream().filter(l -> !l.isBlank()).count();
        assertEquals(lines, parse.output.lines().filter(l -> l.startsWith("{")).count(), parse.output);
        assertFalse(parse.output.contains("building"), "the distribution must not build anything");

        Result validate = run(home, bin.toString(), "validate", "--config", home.resolve("examples/agent.yaml").toString());
        assertEquals(0, validate.exit, validate.output);
    }

    @Test
    void theSparkSubmitJarHoldsTheJobAndTheKafkaConnectorButNotSpark() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(home.resolve("spark"))) {
            jar = files.filter(p -> p.toString().endsWith("-all.jar")).findFirst().orElseThrow();
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("io.tributary.cloud.CloudMain", j.getManifest().getMainAttributes().getValue("Main-Class"));
            assertNotNull(j.getEntry("io/tributary/cloud/CloudJob.class"));
            assertNotNull(j.getEntry("org/apache/spark/streaming/kafka010/KafkaUtils.class"));
            assertNull(j.getEntry("org/apache/spark/SparkContext.class"), "Spark comes from the cluster");
            assertNull(j.getEntry("scala/Predef.class"), "Scala comes from the cluster");
        }
    }

    @Test
    void theAgentServiceUnitStartsTheLauncherItShips() throws IOException {
        String unit = Files.readString(home.resolve("systemd/tributary-agent.service"));
        assertTrue(unit.contains("ExecStart=/opt/tributary/bin/tributary agent --config /etc/tributary/agent.yaml"));
        assertTrue(unit.contains("KillSignal=SIGTERM"));
        assertTrue(Files.isRegularFile(home.resolve("docs/reference/agent.md")));
        assertTrue(Files.isRegularFile(home.resolve("README.md")));
    }

    private static List<String> jars(String module) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("lib").resolve(module))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("TRIBUTARY_SKIP_BUILD");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
