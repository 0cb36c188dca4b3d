package org.ibvadvisor.testkit.postgres;

import static org.ibvadvisor.testkit.process.LocalServerProcess.asUnprivileged;
import static org.ibvadvisor.testkit.process.LocalServerProcess.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.ibvadvisor.testkit.process.LocalServerProcess;

/**
 * A real PostgreSQL server from Debian's {@code postgresql} package, for tests: a new cluster in a temporary folder
 * ({@code initdb}), started with {@code pg_ctl} on a free loopback port as an unprivileged user (PostgreSQL refuses
 * to run as root), with a database and a password-protected user of its own. {@link #stop()} and {@link #start()}
 * take it away and bring it back on the same port and data (for lost-connection tests); {@link #close()} stops it and
 * deletes the folder. Not a mock: the advisor talks to it over TCP with its real JDBC driver.
 */
public final class TestPostgres implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private boolean running;

    private TestPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.port = port;
    }

    /** Creates the cluster and starts it. */
    public static TestPostgres start(String databaseName) {
        Path bin = installedBin();
        Path folder = LocalServerProcess.temporaryFolder("advisor-pg-");
        TestPostgres server = new TestPostgres(bin, folder, LocalServerProcess.freePort());
        try {
            server.initCluster();
            server.start();
            run(asUnprivileged(List.of(bin.resolve("createdb").toString(), "-h", folder.toString(),
                    "-p", String.valueOf(server.port), "-U", user(), databaseName)), folder, COMMAND_TIMEOUT);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Whether Debian's PostgreSQL is installed here (tests that need it fail with a clear message otherwise). */
    public static boolean installed() {
        return findBin() != null;
    }

    public static String user() {
        return "advisor";
    }

    public String password() {
        return password;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} (without credentials). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    /** A libpq-style URL, as PostgreSQL's own tools take it (without the password). */
    public String url(String database) {
        return "postgresql://" + host() + ":" + port + "/" + database + "?user=" + user();
    }

    /** Starts the server (again), on the same port and data. */
    public synchronized void start() {
        if (running) {
            return;
        }
        run(asUnprivileged(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + folder
                        + " -c fsync=off -c max_connections=100", "start")), folder, COMMAND_TIMEOUT);
        running = true;
    }

    /** Stops the server at once (open connections are cut), keeping its data. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        run(asUnprivileged(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                "-w", "stop")), folder, COMMAND_TIMEOUT);
        running = false;
    }

    /** What the server logged (for a failing test's message). */
    public String log() {
        try {
            return Files.readString(folder.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // already gone
        } finally {
            LocalServerProcess.deleteQuietly(folder);
        }
    }

    private void initCluster() {
        Path passwordFile = folder.resolve("password");
        try {
            Files.writeString(passwordFile, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(asUnprivileged(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", user(),
                "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--no-locale", "--no-sync")), folder, COMMAND_TIMEOUT);
    }

    private static Path installedBin() {
        Path bin = findBin();
        if (bin == null) {
            throw new IllegalStateException("PostgreSQL is not installed: apt-get install postgresql (.ci/run does)");
        }
        return bin;
    }

    private static Path findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(bin -> parseVersion(bin.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int parseVersion(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
