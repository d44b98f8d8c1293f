package io.tributary.simulator.truth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.simulator.faults.FaultRecord;
import io.tributary.simulator.mall.Corridor;
import io.tributary.simulator.mall.Entrance;
import io.tributary.simulator.mall.Point;
import io.tributary.simulator.mall.Store;
import io.tributary.simulator.radio.PathLoss;
import io.tributary.simulator.radio.RadioKind;
import io.tributary.simulator.radio.RadioProfile;
import io.tributary.simulator.scenario.Scenario;
import io.tributary.simulator.scenario.SensorSpec;
import io.tributary.simulator.shoppers.Profile;
import io.tributary.simulator.shoppers.VisitEvent;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of a run, in {@code <out>/truth/}:
 * <ul>
 *   <li>{@code positions.jsonl|csv}: {@code t, shopper, device, wifi_mac, ble_mac, x, y, zone} per device per
 *       {@code positions.interval.s} (positions in metres, 2 decimals);
 *   <li>{@code visits.jsonl|csv}: {@code shopper, device, kind (store|mall), zone, enter, exit, dwell_s,
 *       wifi_mac, ble_mac} per stay, exit and dwell empty when the run ended first;
 *   <li>{@code faults.jsonl|csv}: {@code fault, target, start, end, detail} per injected fault;
 *   <li>{@code profiles.csv}: {@code shopper_id, segment, age_band, opt_out, recurring, device_id, wifi_mac,
 *       ble_mac} (the MACs only for phones that do not randomise);
 *   <li>{@code floorplan.json}: zones, entrances, sensors and radio profiles, for the location evaluator.
 * </ul>
 * Times are ISO-8601 simulated instants. Not thread-safe (the simulation thread only).
 */
public final class TruthWriter implements Closeable {
    private final Path dir;
    private final boolean csv;
    private final Table positions;
    private final Table visits;
    private long lastPositionMs = Long.MIN_VALUE;
    private String lastPositionTime;

    public TruthWriter(Path dir, String format) {
        this.dir = dir;
        this.csv = format.equals("csv");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        String ext = csv ? ".csv" : ".jsonl";
        positions = new Table(dir.resolve("positions" + ext), csv, "t", "shopper", "device", "wifi_mac", "ble_mac", "x",
                "y", "zone");
        visits = new Table(dir.resolve("visits" + ext), csv, "shopper", "device", "kind", "zone", "enter", "exit",
                "dwell_s", "wifi_mac", "ble_mac");
    }

    public Path directory() {
        return dir;
    }

    public void position(long epochMs, Profile p, String wifiMac, String bleMac, double x, double y, String zone) {
        if (epochMs != lastPositionMs) {
            lastPositionMs = epochMs;
            lastPositionTime = time(epochMs);
        }
        positions.row(lastPositionTime, p.shopperId(), p.deviceId(), wifiMac, bleMac, round2(x), round2(y), zone);
    }

    public void visit(VisitEvent v) {
        boolean done = v.exitMs() >= 0;
        visits.row(v.shopperId(), v.deviceId(), v.kind(), v.zone(), time(v.enterMs()), done ? time(v.exitMs()) : null,
                done ? (v.exitMs() - v.enterMs()) / 1000.0 : null, v.wifiMac(), v.bleMac());
    }

    public void faults(List<FaultRecord> faults) {
        try (Table t = new Table(dir.resolve("faults" + (csv ? ".csv" : ".jsonl")), csv, "fault", "target", "start",
                "end", "detail")) {
            for (FaultRecord f : faults) t.row(f.type(), f.target(), time(f.startMs()), time(f.endMs()), f.detail());
        }
    }

    public void profiles(List<Profile> profiles) {
        try (Table t = new Table(dir.resolve("profiles.csv"), true, "shopper_id", "segment", "age_band", "opt_out",
                "recurring", "device_id", "wifi_mac", "ble_mac")) {
            for (Profile p : profiles) {
                t.row(p.shopperId(), p.segment(), p.ageBand(), p.optOut(), p.recurring(), p.deviceId(),
                        p.randomizesMac() ? null : p.wifiMac(), p.randomizesMac() ? null : p.bleMac());
            }
        }
    }

    /** Writes {@code floorplan.json}; {@code models} are the sensors' calibrated radio models, by sensor id. */
    public void floorPlan(Scenario scenario, Map<String, PathLoss> models) {
        try (OutputStream out = Files.newOutputStream(dir.resolve("floorplan.json"));
                JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("mall", scenario.mallId());
            g.writeStringField("scenario", scenario.name());
            g.writeArrayFieldStart("stores");
            for (Store s : scenario.floorPlan().stores()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeFieldName("polygon");
                points(g, s.polygon().vertices());
                g.writeFieldName("door");
                point(g, s.door());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("corridors");
            for (Corridor c : scenario.floorPlan().corridors()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeFieldName("path");
                points(g, c.path());
                g.writeNumberField("width_m", c.widthM());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("entrances");
            for (Entrance e : scenario.floorPlan().entrances()) {
                g.writeStartObject();
                g.writeStringField("name", e.name());
                g.writeFieldName("position");
                point(g, e.position());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sensors");
            for (SensorSpec s : scenario.sensors()) {
                RadioProfile r = scenario.radio().get(s.kind());
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("type", s.kind().label());
                g.writeNumberField("x", s.position().x());
                g.writeNumberField("y", s.position().y());
                g.writeNumberField("channel", s.channel());
                g.writeNumberField("reference_power_dbm",
                        Double.isNaN(s.referencePowerDbm()) ? r.referencePowerDbm() : s.referencePowerDbm());
                g.writeNumberField("reference_distance_m", r.referenceDistanceM());
                g.writeNumberField("path_loss_exponent",
                        Double.isNaN(s.pathLossExponent()) ? r.pathLossExponent() : s.pathLossExponent());
                g.writeNumberField("offset_db", s.offsetDb());
                g.writeNumberField("range_m", round2(models.get(s.id()).rangeM()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("radio");
            for (RadioKind kind : RadioKind.values()) {
                RadioProfile r = scenario.radio().get(kind);
                g.writeObjectFieldStart(kind.label());
                g.writeNumberField("reference_power_dbm", r.referencePowerDbm());
                g.writeNumberField("reference_distance_m", r.referenceDistanceM());
                g.writeNumberField("path_loss_exponent", r.pathLossExponent());
                g.writeNumberField("noise_sigma_db", r.noiseSigmaDb());
                g.writeNumberField("dropout_probability", r.dropoutProbability());
                g.writeNumberField("sensitivity_dbm", r.sensitivityDbm());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write floorplan.json", e);
        }
    }

    public long positionRows() {
        return positions.rows();
    }

    public long visitRows() {
        return visits.rows();
    }

    @Override
    public void close() {
        positions.close();
        visits.close();
    }

    private static void points(JsonGenerator g, List<Point> points) throws IOException {
        g.writeStartArray();
        for (Point p : points) point(g, p);
        g.writeEndArray();
    }

    private static void point(JsonGenerator g, Point p) throws IOException {
        g.writeStartArray();
        g.writeNumber(p.x());
        g.writeNumber(p.y());
        g.writeEndArray();
    }

    static String time(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
