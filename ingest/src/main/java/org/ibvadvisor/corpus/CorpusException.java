package org.ibvadvisor.corpus;

import java.nio.file.Path;

/**
 * A corpus folder or one of its files cannot be read as reports. The message names the folder or file
 * and says what is wrong with it; {@link #file()} gives the path for callers that want to show it apart.
 */
public class CorpusException extends RuntimeException {
    private final Path file;

    public CorpusException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public CorpusException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The folder or file that failed. */
    public Path file() {
        return file;
    }
}
