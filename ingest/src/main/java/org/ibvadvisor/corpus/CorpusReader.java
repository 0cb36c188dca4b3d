package org.ibvadvisor.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ibvadvisor.corpus.pdf.PdfReportReader;

/**
 * Loads a folder of reports: every {@code <stem>.<ext>} that a {@link ReportReader} handles, with its
 * optional {@code <stem>.meta.json}. Without a metadata file the id comes from the file name, and the title, year,
 * publisher and language from what the file says about itself ({@link DocumentProperties}, e.g. a PDF's document
 * information).
 * Any problem fails the whole read with a {@link CorpusException} naming the file, so that a bad corpus
 * never reaches the index. Thread-safe.
 */
public final class CorpusReader {
    static final String METADATA_SUFFIX = ".meta.json";

    private final Map<String, ReportReader> readersByExtension = new LinkedHashMap<>();

    public CorpusReader(List<ReportReader> readers) {
        if (readers.isEmpty()) throw new IllegalArgumentException("at least one report reader is needed");
        for (ReportReader reader : readers) {
            for (String extension : reader.extensions()) {
                ReportReader previous = readersByExtension.putIfAbsent(extension.toLowerCase(Locale.ROOT), reader);
                if (previous != null) throw new IllegalArgumentException("two readers for ." + extension);
            }
        }
    }

    /** A reader for the formats supported today: {@code .txt}, {@code .md} and {@code .pdf} (with its default limits). */
    public static CorpusReader withDefaultReaders() {
        return new CorpusReader(List.of(new PlainTextReader(), new PdfReportReader()));
    }

    /**
     * @throws CorpusException when the folder is missing or holds no reports, or a file cannot be read:
     *                         empty, not UTF-8, binary, a PDF that cannot be read as text, bad metadata, duplicate report id
     */
    public Corpus read(Path folder) {
        List<Path> files = listFiles(folder);
        Map<String, Path> reportFiles = new LinkedHashMap<>(); // stem -> file
        Map<String, Path> metadataFiles = new HashMap<>();     // stem -> file
        List<Path> skipped = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(METADATA_SUFFIX)) {
                metadataFiles.put(name.substring(0, name.length() - METADATA_SUFFIX.length()), file);
            } else if (readerFor(file) != null) {
                Path other = reportFiles.putIfAbsent(stem(name), file);
                if (other != null) {
                    throw new CorpusException(file, "two report files share the name '" + stem(name) + "' (the other is "
                            + other.getFileName() + "); keep one of them");
                }
            } else {
                skipped.add(file);
            }
        }
        for (var metadata : metadataFiles.entrySet()) {
            if (!reportFiles.containsKey(metadata.getKey())) {
                throw new CorpusException(metadata.getValue(), "metadata file without a report file (expected "
                        + metadata.getKey() + "." + String.join(" or " + metadata.getKey() + ".", extensions()) + ")");
            }
        }
        if (reportFiles.isEmpty()) {
            throw new CorpusException(folder, "no reports in the corpus folder (expected files ending in ."
                    + String.join(", .", extensions()) + ")");
        }
        List<Report> reports = new ArrayList<>();
        Map<String, Path> fileById = new HashMap<>();
        for (var entry : reportFiles.entrySet()) {
            Report report = readReport(entry.getValue(), metadataFiles.get(entry.getKey()));
            Path other = fileById.putIfAbsent(report.id(), entry.getValue());
            if (other != null) {
                throw new CorpusException(entry.getValue(), "duplicate report id '" + report.id() + "', already used by "
                        + other.getFileName() + "; give each report its own id in its " + METADATA_SUFFIX + " file");
            }
            reports.add(report);
        }
        return new Corpus(folder, reports, skipped);
    }

    private Report readReport(Path file, Path metadataFile) {
        byte[] bytes = readBytes(file);
        if (bytes.length == 0) throw new CorpusException(file, "empty file");
        ReportContent content = readerFor(file).readContent(file, bytes);
        if (content.text().isBlank()) throw new CorpusException(file, "empty file (only whitespace)");
        ReportMetadata metadata = metadataFile == null ? defaultMetadata(file, content.properties()) : readMetadata(metadataFile);
        return new Report(metadata, file, content.text(), contentHash(bytes, metadata, content.readerVersion()), content.pageMap());
    }

    private static ReportMetadata readMetadata(Path metadataFile) {
        byte[] bytes = readBytes(metadataFile);
        String json = new PlainTextReader().read(metadataFile, bytes);
        if (json.isBlank()) throw new CorpusException(metadataFile, "empty metadata file");
        try {
            return MetadataJson.read(json);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorpusException(metadataFile, "invalid report metadata: " + e.getMessage(), e);
        }
    }

    /**
     * Metadata for a report without a metadata file: id from the file name; title, year, publisher (the author) and
     * language as the file gives them, the title falling back to the file name.
     */
    static ReportMetadata defaultMetadata(Path file, DocumentProperties properties) {
        String stem = stem(file.getFileName().toString());
        String title = properties.title() == null || properties.title().isBlank() ? stem : properties.title().strip();
        return new ReportMetadata(idFromName(stem), title, null, null, properties.author(), properties.year(),
                properties.language());
    }

    /** A valid report id from a file name: lower case, other characters replaced by '-'. */
    static String idFromName(String stem) {
        String id = stem.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "")
                .replaceAll("-+$", "");
        if (id.length() > 80) id = id.substring(0, 80);
        if (id.isEmpty()) id = "report-" + sha256Hex(stem.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return id;
    }

    /**
     * SHA-256 over the file's bytes, its canonical metadata and the version of the reader that derived the text (when
     * one did, as for PDFs): changes when any changes, so a new layout analysis re-reads unchanged files. Without a
     * reader version the hash is the one of earlier builds.
     */
    static String contentHash(byte[] bytes, ReportMetadata metadata, String readerVersion) {
        MessageDigest digest = sha256();
        digest.update(bytes);
        digest.update((byte) 0);
        digest.update(MetadataJson.write(metadata).getBytes(StandardCharsets.UTF_8));
        if (readerVersion != null) {
            digest.update((byte) 0);
            digest.update(readerVersion.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private List<Path> listFiles(Path folder) {
        if (!Files.exists(folder)) throw new CorpusException(folder, "corpus folder does not exist");
        if (!Files.isDirectory(folder)) throw new CorpusException(folder, "not a folder (expected a folder of reports)");
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CorpusException(folder, "cannot list the corpus folder: " + e.getMessage(), e);
        }
    }

    private ReportReader readerFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? null : readersByExtension.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private List<String> extensions() {
        return List.copyOf(new TreeSet<>(readersByExtension.keySet()));
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CorpusException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
