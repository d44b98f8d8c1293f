package io.tributary.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of {@link LocalStackMain}. Every problem is collected and reported at once; an unknown
 * option is an error that lists the supported ones.
 */
final class LocalStackOptions {

    static final String USAGE = """
            Usage: tributary local-stack [options]

            Runs a single-node Kafka broker (KRaft, combined broker + controller) and an embedded MQTT 3.1.1
            broker (Moquette), both on 127.0.0.1, until Ctrl-C / SIGTERM. When ready it prints, on stdout:
              KAFKA_READY bootstrap=127.0.0.1:<port>
              MQTT_READY url=tcp://127.0.0.1:<port>
              LOCAL_STACK_READY
            Logs go to stderr (WARN; -Dorg.slf4j.simpleLogger.defaultLogLevel=info for more).

            Options:
              --kafka-port <n>       Kafka listener port; 0 = a free port (default 9092)
              --controller-port <n>  KRaft controller listener port; 0 = a free port (default 0)
              --mqtt-port <n>        MQTT listener port; 0 = a free port (default 1883)
              --no-kafka             do not start Kafka
              --no-mqtt              do not start the MQTT broker
              --data-dir <dir>       where Kafka keeps its data; kept on exit and reused on the next start.
                                     Default: a new temporary directory, deleted on exit
              --topics <list>        topics to create at start, e.g. "readings,errors:3" (partitions after
                                     a colon, default 1); existing topics are left as they are
              --exit-on-stdin-eof    stop when standard input closes (used by the test fixture, so a parent
                                     JVM that dies never leaves a broker behind)
              --help                 print this help
            """;

    int kafkaPort = 9092;
    int controllerPort = 0;
    int mqttPort = 1883;
    boolean kafka = true;
    boolean mqtt = true;
    Path dataDir;
    final Map<String, Integer> topics = new LinkedHashMap<>();
    boolean exitOnStdinEof;
    boolean help;

    /** Parses {@code args}; throws with every problem found, one per line. */
    static LocalStackOptions parse(String... args) {
        LocalStackOptions options = new LocalStackOptions();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--kafka-port", "--controller-port", "--mqtt-port", "--data-dir", "--topics" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            problems.add("option " + arg + " needs a value");
                            continue;
                        }
                        value = args[++i];
                    }
                    options.set(arg, value, problems);
                }
                case "--no-kafka" -> options.kafka = false;
                case "--no-mqtt" -> options.mqtt = false;
                case "--exit-on-stdin-eof" -> options.exitOnStdinEof = true;
                case "--help", "-h" -> options.help = true;
                default -> problems.add("unknown option '" + args[i] + "'; supported: --kafka-port, --controller-port,"
                        + " --mqtt-port, --no-kafka, --no-mqtt, --data-dir, --topics, --exit-on-stdin-eof, --help");
            }
        }
        if (!options.kafka && !options.topics.isEmpty()) {
            problems.add("--topics needs Kafka, but --no-kafka was given");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return options;
    }

    private void set(String option, String value, List<String> problems) {
        switch (option) {
            case "--kafka-port" -> kafkaPort = port(option, value, problems);
            case "--controller-port" -> controllerPort = port(option, value, problems);
            case "--mqtt-port" -> mqttPort = port(option, value, problems);
            case "--data-dir" -> {
                if (value.isBlank()) {
                    problems.add("invalid value '' for --data-dir: must name a directory");
                } else {
                    dataDir = Path.of(value);
                }
            }
            case "--topics" -> parseTopics(value, problems);
            default -> throw new IllegalStateException(option);
        }
    }

    private void parseTopics(String value, List<String> problems) {
        for (String entry : value.split(",")) {
            String spec = entry.trim();
            if (spec.isEmpty()) {
                continue;
            }
            int colon = spec.lastIndexOf(':');
            String name = colon < 0 ? spec : spec.substring(0, colon);
            int partitions = 1;
            if (colon >= 0) {
                try {
                    partitions = Integer.parseInt(spec.substring(colon + 1));
                } catch (NumberFormatException e) {
                    partitions = -1;
                }
                if (partitions < 1) {
                    problems.add("invalid value '" + spec + "' for --topics: partitions after ':' must be a"
                            + " positive integer");
                    continue;
                }
            }
            if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
                problems.add("invalid value '" + spec + "' for --topics: topic names use letters, digits, '.', '_'"
                        + " and '-' (at most 249)");
                continue;
            }
            topics.put(name, partitions);
        }
    }

    private static int port(String option, String value, List<String> problems) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("invalid value '" + value + "' for " + option + ": must be a port number 0-65535 (0 = free port)");
        return 0;
    }
}
