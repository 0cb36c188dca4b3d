package org.ibvadvisor.eval.bench;

import java.util.ArrayList;
import java.util.List;
import org.ibvadvisor.cli.Main;

/**
 * {@code ./advisor serve --rate-limit 0 --api-key= ARGS} in a benchmark's child JVM, through cli's own command (same
 * wiring, same output), under a main class whose command line does not say {@code serve}.
 */
public final class BenchAdvisorMain {
    private BenchAdvisorMain() {
    }

    public static void main(String[] args) {
        List<String> command = new ArrayList<>(List.of("serve"));
        command.addAll(serveOptions(List.of(args)));
        Main.main(command.toArray(String[]::new));
    }

    /** {@code serve}'s options for a benchmark: no rate limit, no API key, then {@code args}. */
    static List<String> serveOptions(List<String> args) {
        List<String> options = new ArrayList<>(List.of("--rate-limit", "0", "--api-key="));
        options.addAll(args);
        return options;
    }
}
