package io.tributary.simulator;

import io.tributary.config.Settings;
import io.tributary.formats.Writer;
import io.tributary.simulator.faults.FaultSchedule;
import io.tributary.simulator.mall.Point;
import io.tributary.simulator.radio.PathLoss;
import io.tributary.simulator.radio.RadioProfile;
import io.tributary.simulator.scenario.FaultSpec;
import io.tributary.simulator.scenario.GroupSpec;
import io.tributary.simulator.scenario.Scenario;
import io.tributary.simulator.scenario.SensorSpec;
import io.tributary.simulator.sensors.Emission;
import io.tributary.simulator.sensors.Observer;
import io.tributary.simulator.sensors.ReadingFormat;
import io.tributary.simulator.sensors.Sensor;
import io.tributary.simulator.sensors.SensorGroup;
import io.tributary.simulator.shoppers.Arrivals;
import io.tributary.simulator.shoppers.Crowd;
import io.tributary.simulator.shoppers.Population;
import io.tributary.simulator.shoppers.Shopper;
import io.tributary.simulator.shoppers.ShopperContext;
import io.tributary.simulator.shoppers.VisitEvent;
import io.tributary.simulator.transport.Transport;
import io.tributary.simulator.transport.TransportOptions;
import io.tributary.simulator.transport.TransportStats;
import io.tributary.simulator.transport.Transports;
import io.tributary.simulator.truth.TruthWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of a scenario: a discrete-time loop over ticks of {@code tick.ms}. Each tick admits arrivals, carries
 * out due teleports, turns the phones' emissions (sorted by time, then arrival order) into sensor readings,
 * moves the shoppers, writes truth, and lets each group send what is due. Everything simulated depends only on
 * the scenario and the seed, never on the wall clock or on the transports, so a seed gives the same truth and
 * payloads at any speed. The pace (real time, a multiple, or as fast as possible) only decides when a tick
 * runs.
 *
 * <p>Threading: {@link #run()} on one thread; {@link #stop()}, {@link #simulatedMs()} and the stats may be
 * called from others (a progress printer, a shutdown hook).
 */
public final class Simulation {
    private static final Comparator<Emission> EMISSION_ORDER = Comparator.comparingLong(Emission::t)
            .thenComparingLong(Emission::order).thenComparing(Emission::kind);

    private final Scenario scenario;
    private final RunOptions options;
    private final long startEpochMs;
    private final List<SensorGroup> groups = new ArrayList<>();
    private final List<Sensor> sensors = new ArrayList<>();
    private final Map<String, PathLoss> models = new LinkedHashMap<>();
    private volatile long simulatedMs;
    private volatile boolean stopped;
    private volatile int shoppersInside;
    private volatile long readings;

    public Simulation(Scenario scenario, RunOptions options) {
        this.scenario = scenario;
        this.options = options;
        this.startEpochMs = (options.start() != null ? options.start() : scenario.start()).toEpochMilli();
    }

    /** Asks the run to end after the current tick; what was simulated so far is written out in full. */
    public void stop() {
        stopped = true;
    }

    public long simulatedMs() {
        return simulatedMs;
    }

    public long startEpochMs() {
        return startEpochMs;
    }

    public int shoppersInside() {
        return shoppersInside;
    }

    public long readings() {
        return readings;
    }

    /** The groups' names and transports' counters (empty until the run has set them up). */
    public synchronized Map<String, TransportStats> transportStats() {
        Map<String, TransportStats> out = new LinkedHashMap<>();
        for (SensorGroup g : groups) out.put(g.spec().name(), g.transport().stats());
        return out;
    }

    /** Runs to the end (or until {@link #stop()}), then closes the transports and writes the final truth. */
    public RunSummary run() throws IOException {
        long seed = options.seed();
        Path out = options.outDir();
        Map<String, Integer> sensorIndex = new LinkedHashMap<>();
        for (SensorSpec s : scenario.sensors()) sensorIndex.put(s.id(), sensorIndex.size());
        FaultSchedule faults = new FaultSchedule(scenario.faults(), seed, startEpochMs, sensorIndex);
        for (SensorSpec s : scenario.sensors()) {
            RadioProfile r = scenario.radio().get(s.kind());
            PathLoss model = new PathLoss(r, Double.isNaN(s.referencePowerDbm()) ? r.referencePowerDbm()
                    : s.referencePowerDbm(), Double.isNaN(s.pathLossExponent()) ? r.pathLossExponent()
                    : s.pathLossExponent(), s.offsetDb());
            models.put(s.id(), model);
            sensors.add(new Sensor(s, model, seed, faults.sensor(sensorIndex.get(s.id()))));
        }
        Observer observer = new Observer(scenario.floorPlan(), sensors, startEpochMs);
        Manifest manifest = new Manifest(scenario, seed, startEpochMs);
        buildGroups(sensorIndex, faults, manifest, out.resolve("traffic"));
        ShopperContext ctx = new ShopperContext(scenario.floorPlan(), scenario.floorPlan().graph(),
                scenario.population(), scenario.devices(), startEpochMs, scenario.mallId());
        Population population = new Population(scenario.population(), scenario.devices(), seed);
        Crowd crowd = new Crowd(ctx, population, new Arrivals(scenario.population().arrivalsPerHour(), scenario.zone(),
                startEpochMs, Rng.of(seed, "arrivals")), scenario.zone(), seed);

        List<Transport> started = new ArrayList<>();
        long wallStart = System.nanoTime();
        long end = options.durationMs();
        long tick = scenario.tickMs();
        long positionEvery = scenario.truth().positionsIntervalS() * 1000L;
        List<Emission> emissions = new ArrayList<>();
        List<VisitEvent> events = new ArrayList<>();
        try (TruthWriter truth = new TruthWriter(out.resolve("truth"), scenario.truth().format())) {
            try {
                for (SensorGroup g : groups) {
                    g.transport().start();
                    started.add(g.transport());
                }
                long t1 = 0;
                for (long t0 = 0; t0 < end && !stopped; t0 = t1) {
                    t1 = Math.min(t0 + tick, end);
                    crowd.admit(t1);
                    teleports(faults, crowd, t0);
                    emissions.clear();
                    crowd.emissions(t1, emissions);
                    emissions.sort(EMISSION_ORDER);
                    for (Emission e : emissions) observer.observe(e);
                    crowd.move(t1, events);
                    for (VisitEvent v : events) truth.visit(v);
                    events.clear();
                    if (positionEvery > 0 && t1 % positionEvery == 0) positions(truth, crowd, t1);
                    for (SensorGroup g : groups) g.report(t1);
                    simulatedMs = t1;
                    shoppersInside = crowd.active().size();
                    readings = observer.heard();
                    pace(wallStart, t1);
                }
                long last = simulatedMs;
                for (SensorGroup g : groups) g.flush(last);
                for (Shopper s : crowd.active()) s.unfinished(events);
                for (VisitEvent v : events) truth.visit(v);
                truth.faults(faults.records(last));
                truth.profiles(population.profiles());
                truth.floorPlan(scenario, models);
            } finally {
                for (Transport t : started) t.close(Duration.ofSeconds(10));
            }
            long wallNanos = System.nanoTime() - wallStart;
            manifest.write(out.resolve("traffic"), simulatedMs);
            RunSummary summary = new RunSummary(scenario.name(), seed, startEpochMs, simulatedMs, wallNanos,
                    crowd.visits(), observer.heard(), messages(), transportStats(), truth.positionRows(),
                    truth.visitRows(), stopped, out);
            summary.write(out.resolve("summary.json"));
            return summary;
        }
    }

    private void buildGroups(Map<String, Integer> sensorIndex, FaultSchedule faults, Manifest manifest, Path traffic) {
        for (GroupSpec spec : scenario.groups()) {
            List<Sensor> members = new ArrayList<>();
            for (String id : spec.sensorIds()) members.add(sensors.get(sensorIndex.get(id)));
            String[] targets = new String[members.size()];
            String template = targetTemplate(spec);
            for (int i = 0; i < targets.length; i++) {
                targets[i] = TransportOptions.expand(template, members.get(i).id(), spec.name(), scenario.mallId(),
                        members.get(i).kind().label());
            }
            String type = spec.transportType();
            Settings settings = spec.transport();
            if (options.transportOverride() != null && !options.transportOverride().equals(type)) {
                type = options.transportOverride();
                settings = TransportOptions.forType(type).defaults();
            }
            Writer writer = ReadingFormat.writer(spec.formatType(), spec.formatOptions(), traffic);
            Transport transport = Transports.create(type, spec.name(), settings, options.outDir(),
                    ReadingFormat.contentType(spec.formatType()));
            synchronized (this) {
                groups.add(new SensorGroup(spec, members, targets, writer, transport, faults, scenario.mallId(),
                        startEpochMs, options.seed()));
            }
            manifest.group(spec, type, settings, template);
        }
    }

    /** Where a group's payloads go, before the placeholders are filled in. */
    static String targetTemplate(GroupSpec spec) {
        return switch (spec.transportType()) {
            case "mqtt" -> spec.transport().get(TransportOptions.MQTT_TOPIC);
            case "http", "udp", "coap" -> (String) spec.transport().given().get("endpoint");
            default -> "";
        };
    }

    private void teleports(FaultSchedule faults, Crowd crowd, long t) {
        for (int i : faults.teleportsDue(t)) {
            FaultSpec.Teleport tp = faults.teleport(i);
            List<Shopper> candidates = new ArrayList<>();
            for (Shopper s : crowd.active()) {
                if (s.walking() && (tp.shopper() == null || tp.shopper().equals(s.profile().shopperId()))) {
                    candidates.add(s);
                }
            }
            if (candidates.isEmpty()) continue;
            Rng rng = faults.rng(i);
            Shopper s = candidates.get(rng.nextInt(candidates.size()));
            Point[] jump = s.teleport(tp.minDistanceM(), rng);
            faults.teleported(i, t, s.profile().shopperId(), "from=" + rounded(jump[0]) + " to=" + rounded(jump[1])
                    + " distance_m=" + Math.round(jump[0].distance(jump[1]) * 100) / 100.0);
        }
    }

    private static String rounded(Point p) {
        return "[" + Math.round(p.x() * 100) / 100.0 + "," + Math.round(p.y() * 100) / 100.0 + "]";
    }

    private void positions(TruthWriter truth, Crowd crowd, long t) {
        for (Shopper s : crowd.active()) {
            truth.position(startEpochMs + t, s.profile(), s.wifiMac(), s.bleMac(), s.x(), s.y(),
                    scenario.floorPlan().zoneAt(new Point(s.x(), s.y())));
        }
    }

    private void pace(long wallStart, long t) {
        if (options.speed() <= 0) return;
        long due = wallStart + (long) (t * 1_000_000 / options.speed());
        for (long wait = due - System.nanoTime(); wait > 0 && !stopped; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(wait, 100_000_000));
        }
    }

    private long messages() {
        long n = 0;
        for (SensorGroup g : groups) n += g.messages();
        return n;
    }
}
