package io.tributary.agent.cli;

import io.tributary.agent.config.AgentConfig;
import io.tributary.agent.config.PipelineConfig;
import io.tributary.agent.runtime.Agent;
import io.tributary.config.ConfigException;
import io.tributary.config.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary validate}: checks an agent config without starting anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check an agent config file: every problem is listed by key. Nothing is started.",
                "Exit status: 0 when valid, 1 when not (or Kafka is unreachable with --check-kafka), 2 on bad usage."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Agent config (YAML).")
    Path config;

    @Option(names = "--check-kafka", description = "Also check that each pipeline's Kafka answers.")
    boolean checkKafka;

    @Option(names = "--timeout-ms", defaultValue = "5000", description = "Kafka check timeout (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Override
    public Integer call() {
        AgentConfig parsed;
        try {
            parsed = AgentConfig.parse(new YamlLoader().load(config));
            Agent.build(parsed);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(config + ": " + e.getMessage());
            return 1;
        }
        List<String> unreachable = new ArrayList<>();
        if (checkKafka) {
            for (PipelineConfig p : parsed.pipelines()) {
                String servers = p.destination().bootstrapServers();
                if (!reachable(servers)) unreachable.add("pipelines." + p.name() + ": Kafka at " + servers + " did not answer within " + timeoutMs + " ms");
            }
        }
        if (!unreachable.isEmpty()) {
            unreachable.forEach(spec.commandLine().getErr()::println);
            return 1;
        }
        spec.commandLine().getOut().println(config + ": valid (" + parsed.pipelines().size() + " pipeline(s))"
                + (checkKafka ? "; Kafka reachable" : ""));
        return 0;
    }

    private boolean reachable(String servers) {
        Map<String, Object> props = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
