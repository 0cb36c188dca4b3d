package org.ibvadvisor.eval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The advisor as its own process on a free port — {@code ./advisor serve} as a user starts it, or a plain JVM of
 * {@link BenchAdvisorMain}: how long it takes until
 * {@code /api/health} answers 200, and its memory as the kernel ({@code /proc/PID/status}) and the JVM
 * ({@code jcmd PID GC.heap_info}) see it. Closing sends SIGTERM and waits, then kills.
 */
public final class AdvisorProcess implements BenchServer {
    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final Process process;
    private final URI uri;
    private final double readySeconds;
    private final Path log;

    private AdvisorProcess(Process process, URI uri, double readySeconds, Path log) {
        this.process = process;
        this.uri = uri;
        this.readySeconds = readySeconds;
        this.log = log;
    }

    /**
     * Starts {@code launcher serve --port P …serveArgs} and waits until {@code /api/health} answers 200.
     *
     * @param launcher  the {@code advisor} script
     * @param serveArgs options after {@code serve} (the port is chosen here)
     * @param javaOpts  extra JVM options (added to the inherited {@code ADVISOR_JAVA_OPTS}), e.g. a GC log
     * @param log       file that gets the process's output
     */
    public static AdvisorProcess start(Path launcher, List<String> serveArgs, String javaOpts, Path log, Duration timeout) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "serve", "--port", Integer.toString(port)));
        command.addAll(serveArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (javaOpts != null && !javaOpts.isBlank()) {
            String inherited = Objects.requireNonNullElse(System.getenv("ADVISOR_JAVA_OPTS"), "");
            builder.environment().put("ADVISOR_JAVA_OPTS", (inherited + " " + javaOpts).strip());
        }
        return launch(builder, port, log, timeout);
    }

    /**
     * Starts the advisor in a new JVM with this JVM's options and class path ({@link BenchAdvisorMain}, not the
     * launcher), and waits until {@code /api/health} answers 200. Its command line does not say {@code serve}, so
     * a script that stops servers by name ({@code pkill -f serve}) on a shared machine leaves it alone.
     *
     * @param args options of {@link BenchAdvisorMain} (the port is chosen here)
     */
    public static AdvisorProcess startJvm(List<String> args, Path log, Duration timeout) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> !arg.startsWith("-XX:SharedArchiveFile") && !arg.equals("-XX:+AutoCreateSharedArchive")
                        && !arg.startsWith("-agentlib") && !arg.startsWith("-XX:StartFlightRecording"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchAdvisorMain.class.getName(),
                "--port", Integer.toString(port)));
        command.addAll(args);
        return launch(new ProcessBuilder(command), port, log, timeout);
    }

    private static AdvisorProcess launch(ProcessBuilder builder, int port, Path log, Duration timeout) {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
        long deadline = start + timeout.toNanos();
        try (ApiClient client = new ApiClient(uri, Duration.ofSeconds(5))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the advisor exited with " + process.exitValue() + ": " + tail(log));
                }
                try {
                    if (client.get("/api/health").status() == 200) break;
                } catch (UncheckedIOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the advisor was not ready after " + timeout + ": " + tail(log));
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new AdvisorProcess(process, uri, (System.nanoTime() - start) / 1e9, log);
    }

    @Override
    public URI uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    /** Whether the server process still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /** What ended the process: its exit code and the end of its output. */
    public String death() {
        return alive() ? "still running" : "exit code " + process.exitValue() + "; its output ends: " + tail(log);
    }

    /** The file its output goes to. */
    public Path log() {
        return log;
    }

    /** Seconds from starting the launcher to the first 200 from {@code /api/health}. */
    public double readySeconds() {
        return readySeconds;
    }

    /** The "ready in X s" the server printed itself (JVM start to server ready, without the launcher), or NaN. */
    public double reportedReadySeconds() {
        Matcher matcher = Pattern.compile("ready in ([\\d.]+) s").matcher(tail(log));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    /** Resident memory now ({@code VmRSS}), in MB. */
    public double rssMb() {
        return status("VmRSS") / 1024.0;
    }

    /** Peak resident memory ({@code VmHWM}), in MB. */
    public double peakRssMb() {
        return status("VmHWM") / 1024.0;
    }

    /** The process's {@code -X…} options (heap, GC, stack, CDS), as its command line shows them. */
    public List<String> memoryFlags() {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid()), "cmdline"), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(cmdline.split("\0")).filter(arg -> arg.startsWith("-X") && !arg.startsWith("-Xlog"))
                    .map(arg -> arg.replaceFirst("^(-XX:SharedArchiveFile=).*/", "$1…/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid() + "/cmdline", e);
        }
    }

    /** Threads of the process. */
    public long threads() {
        return status("Threads");
    }

    /** Java heap after a full collection: used and committed MB. */
    public record Heap(double usedMb, double committedMb) {}

    /** Runs a full GC in the server ({@code jcmd GC.run}) and reads the heap ({@code jcmd GC.heap_info}). */
    public Heap heapAfterFullGc() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher matcher = USED.matcher(info);
        long used = 0, total = 0;
        while (matcher.find()) {
            total += Long.parseLong(matcher.group(1));
            used += Long.parseLong(matcher.group(2));
        }
        if (total == 0) throw new IllegalStateException("cannot read the heap from jcmd GC.heap_info: " + info);
        return new Heap(used / 1024.0, total / 1024.0);
    }

    private String jcmd(String what) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), what).redirectErrorStream(true).start();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + what + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid() + "/status", e);
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid() + "/status");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String tail(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
