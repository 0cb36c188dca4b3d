package org.ibvadvisor.eval.command;

import org.ibvadvisor.cli.PluggedCommand;

/** Plugs {@code ./advisor eval} into the command line. */
public final class EvalCommandPlug implements PluggedCommand {
    @Override
    public Object command() {
        return new EvalCommand();
    }

    @Override
    public int order() {
        return 40;
    }
}
