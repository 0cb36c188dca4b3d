package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.PluggedCommand;

/** Plugs {@code ./advisor bench} into the command line. */
public final class BenchCommandPlug implements PluggedCommand {
    @Override
    public Object command() {
        return new BenchCommand();
    }

    @Override
    public int order() {
        return 50;
    }
}
