package io.tributary.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting, failing and stopping the child JVMs. */
@Timeout(180)
class LocalStackLifecycleIT {

    @Test
    void closeStopsBothChildJvmsAndDeletesTheDataDir() {
        ProcessHandle kafka;
        ProcessHandle mqtt;
        Path dataDir;
        long started = System.nanoTime();
        try (LocalStack stack = LocalStack.start()) {
            System.out.println("private local stack (Kafka + MQTT): ready "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms after start()");
            kafka = stack.kafkaProcess().orElseThrow();
            mqtt = stack.mqttProcess().orElseThrow();
            dataDir = stack.dataDir();
            assertTrue(Files.isDirectory(dataDir.resolve("kafka")));
            started = System.nanoTime();
        }
        System.out.println("close() took " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");

        assertFalse(kafka.isAlive(), "the Kafka child JVM is gone");
        assertFalse(mqtt.isAlive(), "the MQTT child JVM is gone");
        assertFalse(Files.exists(dataDir), "the temporary data dir is deleted");
    }

    @Test
    void aKafkaPortInUseIsReportedWithTheChildsOutput() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(ReadyLines.HOST))) {
            LocalStack.Builder builder = LocalStack.builder().mqtt(false).kafkaPort(taken.getLocalPort());

            LocalStackException e = assertThrows(LocalStackException.class, builder::start);

            assertTrue(e.getMessage().contains("failed to start"), e.getMessage());
            assertTrue(e.getMessage().contains("Address already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("its output:\n"), e.getMessage());
            assertChildGone(e);
        }
    }

    @Test
    void aChildThatIsNotReadyInTimeIsKilledAndReported() {
        LocalStack.Builder builder = LocalStack.builder().mqtt(false).readyTimeout(Duration.ofMillis(300));

        LocalStackException e = assertThrows(LocalStackException.class, builder::start);

        assertTrue(e.getMessage().contains("was not ready within 300 ms"), e.getMessage());
        assertChildGone(e);
    }

    @Test
    void theLauncherStopsWhenItsStdinCloses() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", LocalStackJar.locate().toString(), "io.tributary.localstack.LocalStackMain",
                "--exit-on-stdin-eof", "--no-kafka", "--mqtt-port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.matches("MQTT_READY url=tcp://127\\.0\\.0\\.1:\\d+"), first);
            assertEquals("LOCAL_STACK_READY", out.readLine());

            child.getOutputStream().close(); // as when the parent JVM dies

            assertTrue(child.waitFor(15, TimeUnit.SECONDS), "the launcher exits after stdin EOF");
            assertEquals(0, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void theLauncherRejectsBadOptionsListingThemAll() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", LocalStackJar.locate().toString(), "io.tributary.localstack.LocalStackMain",
                "--kafka-port", "x", "--topics", "a:0", "--bogus").redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(child.waitFor(15, TimeUnit.SECONDS));
        assertEquals(2, child.exitValue());
        for (String expected : List.of("'x' for --kafka-port", "'a:0' for --topics", "unknown option '--bogus'")) {
            assertTrue(output.contains(expected), output);
        }
    }

    private static void assertChildGone(LocalStackException e) {
        Matcher pid = Pattern.compile("\\(pid (\\d+)\\)").matcher(e.getMessage());
        assertTrue(pid.find(), e.getMessage());
        assertFalse(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false),
                "the failed child JVM is gone");
    }
}
