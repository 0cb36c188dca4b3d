package org.ibvadvisor.eval.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.ibvadvisor.eval.run.CaseResult;
import org.ibvadvisor.eval.run.RetrieverRun;

/** Appends one line per question of a run (variant, id, type, rank of the first relevant passage or 0, nDCG gains) for offline cross-validation. */
final class PerQuestion {
    private PerQuestion() {
    }

    static void append(Path file, String variant, RetrieverRun run) {
        StringBuilder lines = new StringBuilder();
        for (CaseResult result : run.results()) {
            List<Boolean> relevant = result.relevantAtRank();
            int first = relevant.indexOf(true) + 1;
            StringBuilder hits = new StringBuilder();
            for (Boolean hit : relevant) hits.append(hit ? '1' : '0');
            lines.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%b\t%d\t%d\t%s%n", variant, result.evalCase().id(), result.evalCase().type(),
                    result.evalCase().answerable(), first, result.evalCase().totalRelevant(), hits));
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
