package org.ibvadvisor.eval.command;

import org.ibvadvisor.cli.*;

import java.io.PrintStream;
import java.util.Locale;
import org.ibvadvisor.eval.answers.AnswerSuite;
import org.ibvadvisor.eval.answers.AnsweredQuestion;

/** Shows the answer suite's progress: a progress bar on a terminal, a plain line every 10% otherwise. */
final class AnswerProgress implements AnswerSuite.Progress, AutoCloseable {
    private final PrintStream out;
    private final boolean terminal;
    private ConsoleSteps steps;

    private AnswerProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** The launcher says whether standard error is a terminal ({@code -Dadvisor.terminal=true}). */
    static AnswerProgress create(PrintStream out) {
        return new AnswerProgress(out, ConsoleSteps.terminal());
    }

    @Override
    public void answered(int done, int total, AnsweredQuestion last) {
        if (steps == null) steps = new ConsoleSteps(out, terminal, "answer", " questions", total);
        String mode = last.answer().mode();
        steps.stepTo(done, last.question().id() + " " + mode, percent -> String.format(Locale.ROOT,
                "answered %d/%d questions (%d%%), last %s: %s", done, total, percent, last.question().id(), mode));
    }

    @Override
    public void close() {
        if (steps != null) {
            steps.close();
            steps = null;
        }
    }
}
