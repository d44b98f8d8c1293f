package io.tributary.simulator;

import io.tributary.config.ConfigException;
import io.tributary.simulator.scenario.Scenario;
import io.tributary.simulator.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tributary simulate}: runs a scenario, sending sensor traffic and writing ground truth. */
@Command(name = "tributary simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates shoppers in a mall and the WiFi/BLE sensors that hear their phones: sends the "
                + "sensors' reports over their transports (MQTT, CoAP, HTTP, UDP or files) in their formats, and "
                + "writes the ground truth (positions, visits, faults, profiles) to <out>/truth.",
            "The same scenario and seed give the same truth and payloads at any speed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed", "1:the run failed (e.g. a broker could not be reached)",
            "2:invalid command line or scenario (every problem is listed)"})
public final class SimulateMain implements Callable<Integer> {
    @Option(names = "--scenario", required = true, paramLabel = "FILE",
            description = "Scenario YAML file, or a bundled scenario: small-mall, large-mall.")
    String scenario;

    @Option(names = "--duration", paramLabel = "D", description = "Simulated run length: 90s, 15m, 2h, 1d "
            + "(default: the scenario's duration.s).")
    String duration;

    static final class Pace {
        @Option(names = "--speed", paramLabel = "S",
                description = "Simulated seconds per real second (default 1: real time).")
        Double speed;

        @Option(names = "--max-rate", description = "Run as fast as possible (transports permitting).")
        boolean maxRate;
    }

    @ArgGroup(exclusive = true)
    Pace pace = new Pace();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random stream (default: the scenario's).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sim-out",
            description = "Output directory for truth and file traffic (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--transport", paramLabel = "file",
            description = "Write every group's payloads to files under <out>/traffic instead of sending them.")
    String transport;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Simulated start time (ISO-8601, or 'now'); default the scenario's.")
    String start;

    @Option(names = "--check", description = "Only validate the scenario, then exit.")
    boolean check;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command; a leading {@code simulate} (as bin/tributary passes it) is skipped. */
    public static void main(String[] args) {
        String[] rest = args.length > 0 && args[0].equals("simulate") ? Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(run(rest));
    }

    static int run(String... args) {
        return new CommandLine(new SimulateMain()).execute(args);
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new SimulateMain()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Scenario sc;
        RunOptions options;
        try {
            sc = load(scenario);
            options = options(sc);
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("tributary simulate: " + e.getMessage());
            return 2;
        }
        if (check) {
            spec.commandLine().getOut().println("Scenario '" + sc.name() + "' is valid: " + sc.sensors().size()
                    + " sensors in " + sc.groups().size() + " groups, " + sc.floorPlan().stores().size() + " stores, "
                    + sc.faults().size() + " faults.");
            return 0;
        }
        Simulation simulation = new Simulation(sc, options);
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            simulation.stop();
            try {
                main.join(20_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Progress progress = new Progress(simulation, System.err, System.console() != null);
        Thread printer = new Thread(progress, "sim-progress");
        printer.setDaemon(true);
        if (!quiet) printer.start();
        try {
            RunSummary summary = simulation.run();
            progress.finish();
            printer.interrupt();
            printer.join(1000);
            spec.commandLine().getOut().print(summary.format());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (Exception e) {
            progress.finish();
            err.println();
            err.println("tributary simulate: " + e.getMessage());
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    private static Scenario load(String name) {
        ScenarioLoader loader = new ScenarioLoader();
        Path file = Path.of(name);
        if (Files.isRegularFile(file)) return loader.load(file);
        if (!name.contains("/") && !name.contains("\\")) return loader.loadBundled(name);
        throw new IllegalArgumentException("no scenario file " + name);
    }

    private RunOptions options(Scenario sc) {
        long durationMs = duration == null ? sc.durationMs() : Durations.parse(duration).toMillis();
        double speed = pace.maxRate ? 0 : pace.speed == null ? 1 : pace.speed;
        if (!pace.maxRate && !(speed > 0)) throw new IllegalArgumentException("--speed must be positive");
        if (transport != null && !transport.equals("file")) {
            throw new IllegalArgumentException("--transport can only be 'file' (other transports need the "
                    + "scenario's endpoints)");
        }
        Instant at = null;
        if (start != null) {
            try {
                at = start.equals("now") ? Instant.ofEpochMilli(System.currentTimeMillis() / 1000 * 1000)
                        : Instant.parse(start);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--start: '" + start + "' is not an ISO-8601 instant or 'now'");
            }
        }
        return new RunOptions(seed != null ? seed : sc.seed(), durationMs, speed, out, transport, at);
    }
}
