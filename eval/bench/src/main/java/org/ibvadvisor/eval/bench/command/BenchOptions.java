package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.*;

import java.nio.file.Path;
import org.ibvadvisor.eval.bench.BenchReport;
import org.ibvadvisor.eval.bench.BenchmarksFile;
import org.ibvadvisor.eval.bench.Machine;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every benchmark takes: where its figures go, and how it names itself in them. */
final class BenchOptions {
    @Option(names = "--out", paramLabel = "FILE", description = "Markdown file whose section this benchmark rewrites; default: ${DEFAULT-VALUE}")
    Path out = AdvisorHome.fromSystem().root().resolve("BENCHMARKS.md");

    @Option(names = "--no-write", description = "only print the table; leave the Markdown file alone")
    boolean noWrite;

    @Option(names = "--embedding-model", paramLabel = "ID", description = "embedding model; default: ${DEFAULT-VALUE}")
    String embeddingModel = Components.DEFAULT_EMBEDDING_MODEL;

    final Machine machine = Machine.current();
    final double loadBefore = Machine.loadAverage();

    /** The command line that reproduces the run, e.g. {@code ./advisor bench retrieve --rounds 5}. */
    static String command(CommandLine.Model.CommandSpec spec) {
        // picocli's original arguments are the whole command line, subcommand names included
        StringBuilder command = new StringBuilder("./advisor");
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            command.append(' ').append(arg.contains(" ") ? "'" + arg + "'" : arg);
        }
        return command.toString();
    }

    /** Prints the report and, unless {@code --no-write}, writes its section. */
    void publish(BenchReport report) {
        System.out.println();
        System.out.print(report.text());
        if (!noWrite) {
            new BenchmarksFile(out).write(report.name(), report.markdown());
            System.out.println("wrote section '" + report.name() + "' of " + out);
        }
    }

    static void say(String line) {
        System.err.println("bench: " + line);
    }
}
