package io.tributary.simulator;

import io.tributary.simulator.transport.TransportStats;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The live progress line on stderr: simulated time, speed, messages sent per transport type with their current
 * rate, readings, shoppers inside and errors (failed + dropped). On a terminal the line is redrawn in place;
 * otherwise a line is printed every {@code linesEvery} updates.
 */
final class Progress implements Runnable {
    private final Simulation simulation;
    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, Long> lastSent = new LinkedHashMap<>();
    private long lastSim;
    private long lastWall = System.nanoTime();
    private int updates;
    private volatile boolean done;

    Progress(Simulation simulation, PrintStream out, boolean terminal) {
        this.simulation = simulation;
        this.out = out;
        this.terminal = terminal;
    }

    void finish() {
        done = true;
    }

    @Override
    public void run() {
        while (!done) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                break;
            }
            if (done) break;
            String line = line();
            updates++;
            if (terminal) {
                out.print("\r\033[K" + line);
            } else if (updates % 10 == 0) {
                out.println(line);
            }
            out.flush();
        }
        if (terminal && updates > 0) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    String line() {
        long now = System.nanoTime();
        double wall = (now - lastWall) / 1e9;
        long sim = simulation.simulatedMs();
        StringBuilder sb = new StringBuilder();
        sb.append("sim ").append(clock(sim)).append(String.format(Locale.ROOT, " (%.1fx)", (sim - lastSim) / 1000.0 / wall));
        Map<String, long[]> byType = new LinkedHashMap<>();
        long errors = 0;
        for (TransportStats s : simulation.transportStats().values()) {
            byType.computeIfAbsent(s.type(), k -> new long[1])[0] += s.sent();
            errors += s.failed() + s.dropped();
        }
        for (Map.Entry<String, long[]> e : byType.entrySet()) {
            long sent = e.getValue()[0];
            long rate = Math.round((sent - lastSent.getOrDefault(e.getKey(), 0L)) / wall);
            sb.append(String.format(Locale.ROOT, " | %s %,d (%,d/s)", e.getKey(), sent, rate));
            lastSent.put(e.getKey(), sent);
        }
        sb.append(String.format(Locale.ROOT, " | readings %,d | shoppers %,d | errors %,d", simulation.readings(),
                simulation.shoppersInside(), errors));
        lastSim = sim;
        lastWall = now;
        return sb.toString();
    }

    /** {@code [Nd ]HH:MM:SS} of simulated time. */
    static String clock(long ms) {
        long s = ms / 1000;
        long days = s / 86_400;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", (s / 3600) % 24, (s / 60) % 60, s % 60);
        return days > 0 ? days + "d " + hms : hms;
    }
}
