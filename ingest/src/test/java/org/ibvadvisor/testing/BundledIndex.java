package org.ibvadvisor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.ibvadvisor.embed.EmbeddingModelSpec;
import org.ibvadvisor.embed.OnnxEmbedder;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.ingest.IngestSummary;
import org.ibvadvisor.ingest.Ingestor;

/**
 * The bundled corpus ({@code corpus/} of the checkout) ingested with the product's pipeline and model
 * ({@link Ingestor#standard}, {@link EmbeddingModelSpec#BGE_SMALL_ZH_Q}) into {@code target/bundled-index} of the
 * calling module, once per JVM: the first call rebuilds it (about 20 s), later calls return the same folder at once.
 * Thread-safe.
 *
 * <p>The folder is shared by every test of the JVM: open it read-only, or {@link #copyTo copy it} before anything
 * may write to it (an ingest, a process killed while holding it).
 */
public final class BundledIndex {
    private static final Object LOCK = new Object();
    private static volatile Path folder;
    private static IngestSummary summary;

    private BundledIndex() {
    }

    /** The ingested index folder, built on the first call. */
    public static Path path() {
        Path built = folder;
        if (built != null) return built;
        synchronized (LOCK) {
            if (folder == null) {
                Path target = Path.of("target", "bundled-index").toAbsolutePath();
                try (OnnxEmbedder embedder = new OnnxEmbedder(EmbeddingModelSpec.BGE_SMALL_ZH_Q)) {
                    summary = Ingestor.standard(embedder).ingest(corpus(), target, true, IngestProgress.NONE);
                }
                folder = target;
            }
            return folder;
        }
    }

    /** What the one ingest of this JVM did. */
    public static IngestSummary summary() {
        path();
        synchronized (LOCK) {
            return summary;
        }
    }

    /** The bundled reports: {@code corpus/} of the checkout ({@code -Dadvisor.projectDir}, else the parent folder). */
    public static Path corpus() {
        return projectDir().resolve("corpus");
    }

    /** The checkout root, as surefire passes it in {@code advisor.projectDir}. */
    public static Path projectDir() {
        return Path.of(System.getProperty("advisor.projectDir", "..")).toAbsolutePath().normalize();
    }

    /** A private copy of the index in {@code destination} (created; must not exist or be empty), for tests that write. */
    public static Path copyTo(Path destination) {
        Path source = path();
        try {
            Files.createDirectories(destination);
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(destination.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!file.getFileName().toString().equals("write.lock")) {
                        Files.copy(file, destination.resolve(source.relativize(file).toString()),
                                StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return destination;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled index to " + destination, e);
        }
    }
}
