package org.ibvadvisor.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the advisor logs while a block runs: slf4j-simple (the tests' binding) writes to whatever {@code System.err}
 * is at the time of each line, so the block's lines are caught by swapping it.
 */
final class CapturedLog {
    private CapturedLog() {
    }

    interface Block {
        void run() throws Exception;
    }

    static synchronized List<String> during(Block block) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream caught = new ByteArrayOutputStream();
        System.setErr(new PrintStream(caught, true, StandardCharsets.UTF_8));
        try {
            block.run();
            Thread.sleep(100); // the request logger runs after the response is sent
        } finally {
            System.setErr(original);
        }
        List<String> lines = caught.toString(StandardCharsets.UTF_8).lines().toList();
        lines.forEach(original::println);
        return lines;
    }
}
