package org.ibvadvisor.cli;

import java.nio.file.Path;

/**
 * Where the advisor's files live by default: the checkout the launcher runs from.
 * The launcher passes it as {@code -Dadvisor.home}; without it, the working directory.
 */
public record AdvisorHome(Path root) {
    public static AdvisorHome fromSystem() {
        String home = System.getProperty("advisor.home");
        return new AdvisorHome(Path.of(home == null ? "." : home).toAbsolutePath().normalize());
    }

    public Path corpus() {
        return root.resolve("corpus");
    }

    public Path index() {
        return root.resolve("data").resolve("index");
    }

    public Path conversations() {
        return root.resolve("data").resolve("conversations");
    }

    public Path questions() {
        return root.resolve("eval").resolve("questions").resolve("questions.jsonl");
    }
}
