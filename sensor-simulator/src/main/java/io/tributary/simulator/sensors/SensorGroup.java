package io.tributary.simulator.sensors;

import io.tributary.formats.Writer;
import io.tributary.record.Record;
import io.tributary.simulator.Rng;
import io.tributary.simulator.faults.FaultSchedule;
import io.tributary.simulator.scenario.GroupSpec;
import io.tributary.simulator.transport.Message;
import io.tributary.simulator.transport.Transport;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the readings of a group's sensors: a sensor sends a payload as soon as it holds
 * {@code readings.per.message} readings, and whatever it holds at each of its report times (every
 * {@code report.interval.ms}, each sensor at its own phase so the group does not send in lockstep). Payloads
 * are written in the group's format; a malformed-payload fault may corrupt them on the way out. Times are
 * milliseconds after the scenario's start. Not thread-safe (the simulation thread only).
 */
public final class SensorGroup {
    private final GroupSpec spec;
    private final List<Sensor> sensors;
    private final String[] targets;
    private final Writer writer;
    private final Transport transport;
    private final FaultSchedule faults;
    private final boolean bursts;
    private final byte[] avroSync;
    private final String mall;
    private final long startEpochMs;
    private long messages;
    private long readings;

    /**
     * @param targets per sensor, where its payloads go (URL, topic, ...)
     */
    public SensorGroup(GroupSpec spec, List<Sensor> sensors, String[] targets, Writer writer, Transport transport,
            FaultSchedule faults, String mall, long startEpochMs, long seed) {
        this.spec = spec;
        this.sensors = List.copyOf(sensors);
        this.targets = targets.clone();
        this.writer = writer;
        this.transport = transport;
        this.faults = faults;
        this.bursts = faults.hasBursts(spec.name());
        this.avroSync = spec.formatType().equals("avro") ? ReadingFormat.syncMarker(spec.name()) : null;
        this.mall = mall;
        this.startEpochMs = startEpochMs;
        for (Sensor s : sensors) {
            s.nextReportMs = (long) (Rng.of(seed, "report-phase/" + s.id()).nextDouble() * spec.reportIntervalMs());
        }
    }

    public GroupSpec spec() {
        return spec;
    }

    public Transport transport() {
        return transport;
    }

    /** Sends what is due at {@code t}: full payloads, and everything held by sensors whose report time came. */
    public void report(long t) {
        int n = spec.readingsPerMessage();
        for (int i = 0; i < sensors.size(); i++) {
            Sensor s = sensors.get(i);
            int sent = 0;
            while (s.buffer.size() - sent >= n) {
                send(i, s, s.buffer.subList(sent, sent + n), t);
                sent += n;
            }
            if (t >= s.nextReportMs) {
                if (s.buffer.size() > sent) send(i, s, s.buffer.subList(sent, s.buffer.size()), t);
                sent = s.buffer.size();
                long interval = spec.reportIntervalMs();
                s.nextReportMs += ((t - s.nextReportMs) / interval + 1) * interval;
            }
            if (sent > 0) s.buffer.subList(0, sent).clear();
        }
    }

    /** Sends everything still held (at the end of a run). */
    public void flush(long t) {
        int n = spec.readingsPerMessage();
        for (int i = 0; i < sensors.size(); i++) {
            Sensor s = sensors.get(i);
            for (int from = 0; from < s.buffer.size(); from += n) {
                send(i, s, s.buffer.subList(from, Math.min(s.buffer.size(), from + n)), t);
            }
            s.buffer.clear();
        }
    }

    private void send(int index, Sensor s, List<Reading> batch, long t) {
        List<Record> records = new ArrayList<>(batch.size());
        String kind = s.kind().label();
        for (Reading r : batch) records.add(ReadingFormat.record(r, s.id(), kind, mall));
        byte[] payload = writer.toBytes(records);
        if (avroSync != null) payload = ContainerSync.rewrite(payload, avroSync);
        byte[] out = bursts ? faults.corrupt(spec.name(), s.id(), t, payload) : payload;
        transport.send(new Message(spec.name(), s.id(), startEpochMs + t, s.seq++, targets[index], out, batch.size(),
                out != payload));
        messages++;
        readings += batch.size();
    }

    public long messages() {
        return messages;
    }

    public long readings() {
        return readings;
    }
}
