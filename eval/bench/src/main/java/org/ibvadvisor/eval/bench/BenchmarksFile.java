package org.ibvadvisor.eval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * BENCHMARKS.md, one section per benchmark between {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}.
 * Writing a section replaces the earlier one of that name and leaves the rest of the file (hand-written text
 * included) as it was; a new section is appended.
 */
public final class BenchmarksFile {
    private final Path file;

    public BenchmarksFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Puts {@code markdown} into the section {@code name}. */
    public void write(String name, String markdown) {
        if (!name.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("bad section name: " + name);
        String open = "<!-- bench:" + name + " -->";
        String close = "<!-- /bench:" + name + " -->";
        String section = open + "\n" + markdown.strip() + "\n" + close;
        String text = read();
        int start = text.indexOf(open);
        int end = text.indexOf(close);
        String updated;
        if (start >= 0 && end > start) {
            updated = text.substring(0, start) + section + text.substring(end + close.length());
        } else {
            String head = text.isEmpty() ? "# Benchmarks\n" : text.stripTrailing() + "\n";
            updated = head + "\n" + section + "\n";
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".benchmarks", ".md");
            Files.writeString(temp, updated, StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The file's text, or empty when it does not exist. */
    public String read() {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
