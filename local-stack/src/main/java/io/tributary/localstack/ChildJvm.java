package io.tributary.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@link LocalStackMain} child JVM: started with {@code --exit-on-stdin-eof} and stdin kept open as a pipe,
 * so the child stops when this JVM dies. Its stdout and stderr are merged and drained by a daemon thread that
 * keeps the last {@value #KEPT_LINES} lines (for error messages) and watches for the ready lines.
 */
final class ChildJvm {

    private static final int KEPT_LINES = 400;
    private static final String MAIN_CLASS = "io.tributary.localstack.LocalStackMain";

    private final String name;
    private final Process process;
    private final boolean echo;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Map<String, String> readyLines = new LinkedHashMap<>();
    private boolean ready;
    private String failure;
    private boolean outputClosed;

    private ChildJvm(String name, Process process, boolean echo) {
        this.name = name;
        this.process = process;
        this.echo = echo;
    }

    /** Starts {@code java <jvmOptions> -cp <jar> LocalStackMain --exit-on-stdin-eof <args>}. */
    static ChildJvm start(String name, Path jar, List<String> jvmOptions, List<String> args,
            boolean echo) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(jar.toString());
        command.add(MAIN_CLASS); // by name: this JVM must never load the broker side
        command.add("--exit-on-stdin-eof");
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LocalStackException("cannot start the " + name + " child JVM: " + String.join(" ", command), e);
        }
        ChildJvm child = new ChildJvm(name, process, echo);
        Thread drain = new Thread(child::drain, "local-stack-" + name + "-output-" + process.pid());
        drain.setDaemon(true);
        drain.start();
        return child;
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (echo) {
                    System.err.println("[" + name + " " + process.pid() + "] " + line);
                }
                onLine(line);
            }
        } catch (IOException e) {
            // the child went away; waiters are released below
        } finally {
            synchronized (this) {
                outputClosed = true;
                notifyAll();
            }
        }
    }

    private synchronized void onLine(String line) {
        lastLines.addLast(line);
        if (lastLines.size() > KEPT_LINES) {
            lastLines.removeFirst();
        }
        if (line.startsWith(ReadyLines.KAFKA_READY)) {
            readyLines.put(ReadyLines.KAFKA_READY, line.substring(ReadyLines.KAFKA_READY.length()).trim());
        } else if (line.startsWith(ReadyLines.MQTT_READY)) {
            readyLines.put(ReadyLines.MQTT_READY, line.substring(ReadyLines.MQTT_READY.length()).trim());
        } else if (line.equals(ReadyLines.LOCAL_STACK_READY)) {
            ready = true;
            notifyAll();
        } else if (line.startsWith(ReadyLines.LOCAL_STACK_FAILED)) {
            failure = line.substring(ReadyLines.LOCAL_STACK_FAILED.length());
            notifyAll();
        }
    }

    /**
     * Waits for {@code LOCAL_STACK_READY}; returns the values of the ready lines by prefix. On failure, exit
     * or timeout the child is killed and the exception carries its output.
     */
    Map<String, String> awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String problem;
        synchronized (this) {
            try {
                while (!ready && failure == null && !outputClosed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new LocalStackException("interrupted while waiting for the " + name + " child JVM", e);
            }
            if (ready) {
                return new LinkedHashMap<>(readyLines);
            }
            if (failure != null) {
                awaitOutputClosed(deadline); // the child prints its stack trace and exits by itself
            }
            problem = failure != null ? "failed to start: " + failure
                    : outputClosed ? "exited before it was ready"
                    : "was not ready within " + timeout.toMillis() + " ms";
        }
        kill();
        throw new LocalStackException("the local-stack " + name + " child JVM (pid " + process.pid() + ") " + problem
                + exitCode() + "; its output:\n" + output());
    }

    private void awaitOutputClosed(long deadline) {
        long until = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        try {
            while (!outputClosed && until - System.nanoTime() > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, until - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGTERM: the child's shutdown hook stops its brokers. Does not wait. */
    void requestStop() {
        process.destroy();
    }

    /** Asks the child to stop (SIGTERM) and waits for it to exit; kills it after {@code grace}. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        closeStdin();
    }

    /** SIGKILL: no shutdown hook runs, as when a machine loses power. Returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeStdin();
    }

    private void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    synchronized String output() {
        return lastLines.isEmpty() ? "(no output)" : String.join("\n", lastLines);
    }

    private String exitCode() {
        try {
            return process.waitFor(100, TimeUnit.MILLISECONDS) ? " (exit code " + process.exitValue() + ")" : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
