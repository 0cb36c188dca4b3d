package org.ibvadvisor.corpus;

import java.nio.file.Path;
import java.util.Set;

/**
 * Turns the bytes of one report file of a given format into its source text.
 * One implementation per format ({@code .txt}/{@code .md}, {@code .pdf}).
 * Implementations are stateless and thread-safe.
 */
public interface ReportReader {
    /** File name extensions this reader handles: lower case, without the dot, e.g. {@code txt}. */
    Set<String> extensions();

    /**
     * @param file  the file the bytes came from, for error messages
     * @param bytes the whole file
     * @return the report's source text; character spans of chunks index into exactly this string
     * @throws CorpusException naming {@code file} when the bytes are not a report of this format
     */
    String read(Path file, byte[] bytes);

    /**
     * The source text with what else the format knows: pages, its own title, author, year and language.
     * Readers of formats without such things need not override this.
     *
     * @throws CorpusException naming {@code file} when the bytes are not a report of this format
     */
    default ReportContent readContent(Path file, byte[] bytes) {
        return ReportContent.ofText(read(file, bytes));
    }
}
