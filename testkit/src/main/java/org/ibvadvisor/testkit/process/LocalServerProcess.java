package org.ibvadvisor.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the stand-ins for real servers (PostgreSQL, nginx) share: running a Debian program, as an unprivileged user
 * when the tests run as root (PostgreSQL refuses to run as root), in a temporary folder, on a free loopback port.
 */
public final class LocalServerProcess {
    /** The user that servers run as when the tests run as root. */
    public static final String UNPRIVILEGED_USER = "nobody";

    private LocalServerProcess() {}

    /** Whether this JVM runs as root. */
    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A free TCP port on 127.0.0.1 (free when asked; a server started right after takes it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new temporary folder that the unprivileged user may write to. */
    public static Path temporaryFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command, prefixed to run as {@link #UNPRIVILEGED_USER} when this JVM runs as root. */
    public static List<String> asUnprivileged(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Runs a command to its end and returns what it printed (standard output and error together).
     *
     * @throws IllegalStateException when it exits non-zero or takes longer than {@code timeout}
     */
    public static String run(List<String> command, Path workingFolder, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).directory(workingFolder.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command)
                        + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a folder and everything in it, ignoring what is already gone. */
    public static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is not worth failing a test for
        }
    }
}
