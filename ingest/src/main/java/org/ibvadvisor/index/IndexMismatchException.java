package org.ibvadvisor.index;

/**
 * The index was built with other settings (embedding model, dimensions, schema or analyser) than this run uses.
 * The message says what differs and how to rebuild.
 */
public class IndexMismatchException extends IndexException {
    private final IndexSettings found;
    private final IndexSettings expected;

    IndexMismatchException(String location, IndexSettings found, IndexSettings expected) {
        super(message(location, found, expected));
        this.found = found;
        this.expected = expected;
    }

    /** What the index was built with; {@code null} when it has no IBV Advisor metadata at all. */
    public IndexSettings found() {
        return found;
    }

    public IndexSettings expected() {
        return expected;
    }

    private static String message(String location, IndexSettings found, IndexSettings expected) {
        String what = found == null
                ? "has no IBV Advisor metadata (not built by this program)"
                : "was built with other settings: " + String.join("; ", expected.differencesFrom(found));
        return "The index at " + location + " " + what + ". Re-ingest to rebuild it: ./advisor ingest --rebuild";
    }

    static void check(String location, IndexSettings found, IndexSettings expected) {
        if (found == null || !found.equals(expected)) {
            throw new IndexMismatchException(location, found, expected);
        }
    }
}
