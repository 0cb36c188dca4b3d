package org.ibvadvisor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./advisor eval}: the quality suites. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure retrieval: the team's question set, or the external RGB-zh benchmark.",
        subcommands = {EvalRetrievalCommand.class, EvalRgbCommand.class})
final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
