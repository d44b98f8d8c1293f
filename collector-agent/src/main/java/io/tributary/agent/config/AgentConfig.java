package io.tributary.agent.config;

import io.tributary.config.ConfigException;
import io.tributary.config.Option;
import io.tributary.config.OptionSet;
import io.tributary.config.Section;
import io.tributary.config.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole agent config file, validated: the agent section, the admin endpoint and the pipelines. Parsing
 * reports every problem of the file at once, each by its full key.
 *
 * @param agentId the agent's id, carried in error records and metrics
 * @param shutdownTimeoutMs how long a graceful stop may take before it gives up waiting
 * @param summaryIntervalMs how often the one-line summary is logged; 0 turns it off
 * @param admin the admin HTTP endpoint
 * @param pipelines at least one pipeline, names unique
 */
public record AgentConfig(String agentId, long shutdownTimeoutMs, long summaryIntervalMs, AdminConfig admin,
        List<PipelineConfig> pipelines) {

    public static final Option<String> ID = Option.string("id", null,
            "The agent's id: carried in every error record and metric.").required();
    public static final Option<Long> SHUTDOWN_TIMEOUT_MS = Option.longValue("shutdown.timeout.ms", 15_000, 0,
            Long.MAX_VALUE, "Longest a graceful stop waits for in-flight records to become durable.");
    public static final Option<Long> SUMMARY_INTERVAL_MS = Option.longValue("summary.interval.ms", 30_000, 0,
            Long.MAX_VALUE, "How often a one-line summary is logged; 0 turns it off.");
    public static final OptionSet AGENT_OPTIONS = OptionSet.of(ID, SHUTDOWN_TIMEOUT_MS, SUMMARY_INTERVAL_MS);

    /** Top-level sections of the file. */
    public static final List<String> SECTIONS = List.of("agent", "admin", "pipelines");

    /**
     * Validates a loaded YAML document.
     *
     * @throws ConfigException listing every problem by key
     */
    public static AgentConfig parse(Map<String, Object> document) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        Section root = Section.root(document, problems);
        root.settings(OptionSet.of(), SECTIONS);
        Section agentSection = root.child("agent", true);
        Settings agent = agentSection == null ? null : agentSection.settings(AGENT_OPTIONS, List.of());
        Section adminSection = root.child("admin", false);
        AdminConfig admin = adminSection == null ? AdminConfig.DEFAULT : AdminConfig.parse(adminSection);
        List<PipelineConfig> pipelines = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section p : root.list("pipelines", true)) {
            PipelineConfig pipeline = PipelineConfig.parse(p);
            if (pipeline == null) continue;
            if (!names.add(pipeline.name())) p.problem("name", "duplicate pipeline name '" + pipeline.name() + "'");
            pipelines.add(pipeline);
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new AgentConfig(agent.get(ID), agent.get(SHUTDOWN_TIMEOUT_MS), agent.get(SUMMARY_INTERVAL_MS),
                admin, List.copyOf(pipelines));
    }
}
