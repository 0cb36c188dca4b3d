package org.ibvadvisor.eval.answers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ibvadvisor.eval.report.ReportFiles;

/** Writes the answer suite's {@code summary.json} and {@code report.md} into a folder. */
public final class AnswerReportFiles {
    private AnswerReportFiles() {
    }

    /** @return the files written */
    public static List<Path> write(AnswerResults results, Path folder) {
        try {
            Files.createDirectories(folder);
            Path summary = Files.writeString(folder.resolve(ReportFiles.SUMMARY), AnswerSummaryJson.write(results),
                    StandardCharsets.UTF_8);
            Path report = Files.writeString(folder.resolve(ReportFiles.REPORT), AnswerMarkdown.write(results),
                    StandardCharsets.UTF_8);
            return List.of(summary, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + folder + ": " + e.getMessage(), e);
        }
    }
}
