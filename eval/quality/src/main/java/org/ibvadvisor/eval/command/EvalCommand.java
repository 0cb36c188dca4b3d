package org.ibvadvisor.eval.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./advisor eval}: the quality suites (retrieval, answers, rgb). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure quality: retrieval on the team's question set (retrieval) or on the external RGB-zh "
                + "benchmark (rgb), and the answers the pipeline gives to the question set without an LLM (answers).",
                "Each writes summary.json and report.md into eval/reports/<suite>/ (or --out)."},
        subcommands = {EvalRetrievalCommand.class, EvalAnswersCommand.class, EvalRgbCommand.class})
final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
