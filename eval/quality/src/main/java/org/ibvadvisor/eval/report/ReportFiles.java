package org.ibvadvisor.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code summary.json}, {@code report.md} and {@code chart.svg} into a folder. */
public final class ReportFiles {
    public static final String SUMMARY = "summary.json";
    public static final String REPORT = "report.md";
    public static final String CHART = "chart.svg";

    private ReportFiles() {
    }

    /** @return the files written */
    public static List<Path> write(EvalResults results, Path folder) {
        try {
            Files.createDirectories(folder);
            Path summary = Files.writeString(folder.resolve(SUMMARY), SummaryJson.write(results), StandardCharsets.UTF_8);
            Path report = Files.writeString(folder.resolve(REPORT), MarkdownReport.write(results, CHART), StandardCharsets.UTF_8);
            Path chart = Files.writeString(folder.resolve(CHART), SvgChart.write(results), StandardCharsets.UTF_8);
            return List.of(summary, report, chart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + folder + ": " + e.getMessage(), e);
        }
    }
}
