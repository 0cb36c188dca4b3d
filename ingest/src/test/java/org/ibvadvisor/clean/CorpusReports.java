package org.ibvadvisor.clean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The bundled reports, for tests: {@code corpus/*.txt} under the checkout root. */
public final class CorpusReports {
    private CorpusReports() {
    }

    public static Path directory() {
        String projectDir = System.getProperty("advisor.projectDir");
        Path root = projectDir != null ? Path.of(projectDir) : Path.of("..");
        return root.resolve("corpus");
    }

    public static List<Path> files() {
        try (Stream<Path> files = Files.list(directory())) {
            List<Path> reports = files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
            if (reports.isEmpty()) throw new IllegalStateException("no reports in " + directory().toAbsolutePath());
            return reports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report id used in tests: the file name without ".txt". */
    public static String id(Path file) {
        return file.getFileName().toString().replaceFirst("\\.txt$", "");
    }
}
