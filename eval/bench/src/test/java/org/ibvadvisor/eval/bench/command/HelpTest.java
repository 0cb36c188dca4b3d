package org.ibvadvisor.eval.bench.command;

import org.ibvadvisor.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every subcommand explains itself with {@code --help}; a wrong option fails naming it. */
class HelpTest {

    @ParameterizedTest(name = "advisor {0} --help")
    @CsvSource({
            "serve,          --ollama-url",
            "ingest,         --rebuild",
            "ask,            --server",
            "eval,           retrieval",
            "eval retrieval, --questions",
            "eval,           answers",
            "eval answers,   --split",
            "eval rgb,       --data",
    })
    void help_of_a_subcommand_shows_its_usage_and_options(String command, String option) {
        String[] args = (command + " --help").split(" ");

        CliRun run = CliRun.of(args);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Usage: advisor " + command), run.out());
        assertTrue(run.out().contains(option), run.out());
    }

    @Test
    void help_of_the_advisor_lists_every_subcommand() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.exitCode());
        for (String command : new String[] {"serve", "ingest", "ask", "eval"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " in: " + run.out());
        }
    }

    @Test
    void an_unknown_option_fails_naming_it_with_the_usage() {
        CliRun run = CliRun.of("serve", "--bogus");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--bogus'"), run.err());
        assertTrue(run.err().contains("Usage: advisor serve"), run.err());
    }
}
