package io.tributary.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the agent's commands, run by {@code bin/tributary parse|agent|validate}. */
@Command(name = "tributary", mixinStandardHelpOptions = true, version = "Tributary 0.1.0",
        description = "Tributary edge agent commands.",
        subcommands = {AgentCommand.class, ValidateCommand.class, ParseCommand.class, CommandLine.HelpCommand.class})
public final class AgentMain {
    /** Exit code for bad usage: unknown command, option or format, or an invalid format option. */
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new AgentMain());
        cli.setUsageHelpWidth(120);
        cli.getSubcommands().get("parse").getCommandSpec().usageMessage().footer(FormatHelp.lines());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().getErr().println("See '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return USAGE;
        });
        return cli.execute(args);
    }
}
