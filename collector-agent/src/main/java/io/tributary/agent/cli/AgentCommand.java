package io.tributary.agent.cli;

import io.tributary.agent.config.AgentConfig;
import io.tributary.agent.runtime.Agent;
import io.tributary.config.ConfigException;
import io.tributary.config.YamlLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary agent}: runs an agent until SIGTERM or Ctrl-C, then stops gracefully. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Run an edge agent from a config file until SIGTERM/Ctrl-C; then stop origins, let in-flight"
                + " records become durable (agent.shutdown.timeout.ms) and exit.",
                "Exit status: 0 after a graceful stop, 1 when the config is invalid or the agent cannot start."})
final class AgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Agent config (YAML).")
    Path config;

    @Override
    public Integer call() throws Exception {
        Agent agent;
        try {
            agent = Agent.build(AgentConfig.parse(new YamlLoader().load(config)));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(config + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            agent.start();
        } catch (Exception e) {
            spec.commandLine().getErr().println("Agent failed to start: " + e);
            Runtime.getRuntime().removeShutdownHook(hook);
            agent.close();
            return 1;
        }
        stopped.await();
        return 0;
    }
}
