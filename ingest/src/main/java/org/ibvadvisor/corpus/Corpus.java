package org.ibvadvisor.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The reports found in one corpus folder.
 *
 * @param folder  the folder that was read
 * @param reports the reports, ordered by file name; never empty, ids unique
 * @param skipped files in the folder that no reader handles (e.g. {@code notes.docx}), ordered by name
 */
public record Corpus(Path folder, List<Report> reports, List<Path> skipped) {
    public Corpus {
        Objects.requireNonNull(folder, "folder");
        reports = List.copyOf(reports);
        skipped = List.copyOf(skipped);
    }
}
