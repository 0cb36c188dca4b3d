package org.ibvadvisor.cli.wiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.ingest.IngestProgress;

/**
 * The advisor in a process of its own, for tests that kill it: {@code AdvisorChild INDEX DATA OLLAMA_URL PORT_FILE}
 * starts it on a free port, writes the port to {@code PORT_FILE} (atomically) and serves until killed.
 */
public final class AdvisorChild {
    private AdvisorChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) throw new IllegalArgumentException("usage: AdvisorChild INDEX DATA OLLAMA_URL PORT_FILE");
        Advisor advisor = Advisor.start(TestAdvisors.config(Path.of(args[0]), Path.of(args[1]), args[2],
                OllamaSettings.DEFAULT_MODEL), IngestProgress.NONE);
        Path portFile = Path.of(args[3]);
        Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"), Integer.toString(advisor.port()));
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("advisor child serving on " + advisor.uri());
        advisor.join();
    }
}
