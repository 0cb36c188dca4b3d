package org.ibvadvisor.eval.bench.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./advisor bench}: speed and memory benchmarks, written to BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure speed and memory on this machine; each prints a table and writes its section of BENCHMARKS.md.",
                "Take final figures on an idle machine: the load average is printed with every result."},
        subcommands = {BenchIngestCommand.class, BenchRetrieveCommand.class, BenchChatCommand.class,
                BenchMemoryCommand.class, BenchScaleCommand.class, BenchSoakCommand.class, BenchLlmPoolCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
