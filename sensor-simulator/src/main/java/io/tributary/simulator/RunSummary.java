package io.tributary.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.simulator.transport.TransportStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What a run did: simulated and wall time, visits, readings, messages, and every group's transport counters.
 * Written to {@code <out>/summary.json} and printed by the command.
 */
public record RunSummary(String scenario, long seed, long startEpochMs, long simulatedMs, long wallNanos, long visits,
        long readings, long messages, Map<String, TransportStats> transports, long positionRows, long visitRows,
        boolean stoppedEarly, Path outDir) {

    /** Messages per wall-clock second over the whole run. */
    public double messagesPerSecond() {
        return messages / Math.max(1e-9, wallNanos / 1e9);
    }

    public long errors() {
        long n = 0;
        for (TransportStats s : transports.values()) n += s.failed() + s.dropped();
        return n;
    }

    /** A human-readable summary. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        double wall = wallNanos / 1e9;
        sb.append(String.format(Locale.ROOT, "Simulated %s of '%s' (seed %d, from %s) in %.1f s wall (%.1fx)%s%n",
                Progress.clock(simulatedMs), scenario, seed, Instant.ofEpochMilli(startEpochMs), wall,
                simulatedMs / 1000.0 / Math.max(wall, 1e-9), stoppedEarly ? ", stopped early" : ""));
        sb.append(String.format(Locale.ROOT, "  visits %,d  readings %,d  messages %,d (%,.0f/s)%n", visits, readings,
                messages, messagesPerSecond()));
        sb.append(String.format(Locale.ROOT, "  %-20s %-5s %12s %12s %10s %10s %12s%n", "group", "via", "sent", "acked",
                "failed", "dropped", "bytes"));
        for (Map.Entry<String, TransportStats> e : transports.entrySet()) {
            TransportStats s = e.getValue();
            sb.append(String.format(Locale.ROOT, "  %-20s %-5s %,12d %12s %,10d %,10d %,12d%n", e.getKey(), s.type(),
                    s.sent(), s.acknowledged() ? String.format(Locale.ROOT, "%,d", s.acked()) : "-", s.failed(),
                    s.dropped(), s.bytes()));
            if (s.lastError() != null) sb.append("    last error: ").append(s.lastError()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "  truth: %,d position rows, %,d visit rows in %s%n", positionRows,
                visitRows, outDir.resolve("truth")));
        return sb.toString();
    }

    /** Writes the summary as JSON (wall-clock figures included, so it is not part of the deterministic output). */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("scenario", scenario);
            g.writeNumberField("seed", seed);
            g.writeStringField("start", Instant.ofEpochMilli(startEpochMs).toString());
            g.writeNumberField("simulated_ms", simulatedMs);
            g.writeNumberField("wall_ms", wallNanos / 1_000_000);
            g.writeNumberField("visits", visits);
            g.writeNumberField("readings", readings);
            g.writeNumberField("messages", messages);
            g.writeBooleanField("stopped_early", stoppedEarly);
            g.writeObjectFieldStart("transports");
            for (Map.Entry<String, TransportStats> e : transports.entrySet()) {
                TransportStats s = e.getValue();
                g.writeObjectFieldStart(e.getKey());
                g.writeStringField("type", s.type());
                g.writeNumberField("sent", s.sent());
                if (s.acknowledged()) g.writeNumberField("acked", s.acked());
                g.writeNumberField("failed", s.failed());
                g.writeNumberField("dropped", s.dropped());
                g.writeNumberField("bytes", s.bytes());
                if (s.lastError() != null) g.writeStringField("last_error", s.lastError());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
