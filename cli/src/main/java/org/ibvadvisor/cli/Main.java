package org.ibvadvisor.cli;

import java.util.Comparator;
import java.util.ServiceLoader;
import org.ibvadvisor.cli.keys.KeysCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./advisor}. */
@Command(name = "advisor", mixinStandardHelpOptions = true, version = "IBV Advisor 0.1.0",
        description = "Retrieval-augmented advisor over the IBM IBV generative-AI reports.",
        subcommands = {ServeCommand.class, IngestCommand.class, AskCommand.class, KeysCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        ServiceLoader.load(PluggedCommand.class).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(PluggedCommand::order))
                .forEach(plugged -> cli.addSubcommand(plugged.command()));
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("advisor: " + (ex.getMessage() == null ? ex : ex.getMessage()));
            return 2;
        });
        return cli;
    }
}
