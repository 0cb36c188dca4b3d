package org.ibvadvisor.cli;

/**
 * A subcommand of {@code ./advisor} that a module built after {@code cli} plugs in ({@code eval}, {@code bench}),
 * found with {@link java.util.ServiceLoader} from {@code META-INF/services/org.ibvadvisor.cli.PluggedCommand}.
 * Those modules depend on cli's wiring; cli never depends on them.
 */
public interface PluggedCommand {

    /** A new picocli command object (annotated with {@code @Command}). */
    Object command();

    /** Where it is listed in {@code ./advisor --help}: lower first. */
    int order();
}
