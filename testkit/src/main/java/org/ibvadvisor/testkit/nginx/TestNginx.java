package org.ibvadvisor.testkit.nginx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.ibvadvisor.testkit.process.LocalServerProcess;

/**
 * A real nginx from Debian's {@code nginx} package, for tests: a configuration of the test's own (the inside of the
 * {@code http} block, given the port to listen on) in a temporary folder, started in the foreground on a free
 * loopback port; {@link #close()} stops it and deletes the folder.
 */
public final class TestNginx implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path folder;
    private final int port;
    private final Process process;

    private TestNginx(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts nginx.
     *
     * @param httpBlock the inside of the {@code http} block for the port nginx is to listen on, e.g.
     *                  {@code port -> "server { listen 127.0.0.1:" + port + "; location / { proxy_pass …; } }"}
     */
    public static TestNginx start(IntFunction<String> httpBlock) {
        Path binary = binary();
        Path folder = LocalServerProcess.temporaryFolder("advisor-nginx-");
        int port = LocalServerProcess.freePort();
        try {
            Path config = folder.resolve("nginx.conf");
            Files.writeString(config, configuration(folder, httpBlock.apply(port)));
            Process process = new ProcessBuilder(List.of(binary.toString(), "-p", folder.toString(), "-c",
                    config.toString())).redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile())
                    .start();
            TestNginx nginx = new TestNginx(folder, port, process);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            LocalServerProcess.deleteQuietly(folder);
            throw new UncheckedIOException(e);
        }
    }

    /** Whether Debian's nginx is installed here. */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What nginx wrote to its error log (for a failing test's message). */
    public String errorLog() {
        try {
            return Files.readString(folder.resolve("error.log"));
        } catch (IOException e) {
            return "(no error log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LocalServerProcess.deleteQuietly(folder);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = errorLog();
                close();
                throw new IllegalStateException("nginx exited at start:\n" + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private static String configuration(Path folder, String httpBlock) {
        String user = LocalServerProcess.runningAsRoot() ? "user " + LocalServerProcess.UNPRIVILEGED_USER + " nogroup;\n" : "";
        return user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 512; }
                http {
                  access_log %1$s/access.log;
                  client_body_temp_path %1$s/client_body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(folder, httpBlock);
    }

    private static Path binary() {
        Path binary = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("nginx is not installed: apt-get install nginx (.ci/run does)");
        }
        return binary;
    }
}
