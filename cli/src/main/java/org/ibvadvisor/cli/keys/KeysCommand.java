package org.ibvadvisor.cli.keys;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.ibvadvisor.cli.AdvisorHome;
import org.ibvadvisor.identity.ApiKeyInfo;
import org.ibvadvisor.identity.IssuedKey;
import org.ibvadvisor.identity.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./advisor keys create|list|revoke}: per-person API keys in the data folder. {@code create} prints the key
 * alone on the last line of standard output and everything else on standard error, so that
 * {@code key=$(./advisor keys create --user ana | tail -n 1)} works.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Make, list and revoke API keys (Authorization: Bearer <key> on /api/* and /v1/*).",
                "Only a hash of each key is stored, in the data folder; once it holds a key, every request needs one",
                "(or another configured sign-in)."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** {@code --data DIR}, as every command that reaches the data folder takes it. */
    static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR", description = "data folder (the conversation store's); default: ${DEFAULT-VALUE}")
        Path data = AdvisorHome.fromSystem().conversations();

        FileApiKeys keys() {
            return new FileApiKeys(data);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a key for a user; the key is printed once, alone on the last line of standard output.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "whose key it is (their conversations)")
        String user;

        @Option(names = "--admin", description = "the key also carries the admin rights")
        boolean admin;

        @Option(names = "--expires", paramLabel = "AGE", description = "stop working after this long, e.g. 90d, 12h, 2w; default: never")
        String expires;

        @Override
        public Integer call() {
            if (!User.validId(user)) {
                throw new IllegalArgumentException("--user must be 1 to " + User.MAX_ID_CHARS
                        + " characters without control characters or surrounding spaces, was \"" + user + "\"");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant expiresAt = expires == null ? null : now.plus(ExpiryText.parse(expires));
            FileApiKeys keys = data.keys();
            IssuedKey issued = keys.create(user, admin, expiresAt, now);
            PrintStream err = System.err;
            err.printf("made key %s for %s%s%s in %s%n", issued.info().id(), user, admin ? " (admin)" : "",
                    expiresAt == null ? ", never expires" : ", expires " + expiresAt, keys.file());
            err.println("it is shown only now; send it as 'Authorization: Bearer <key>'");
            System.out.println(issued.secret());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Override
        public Integer call() {
            List<ApiKeyInfo> keys = data.keys().list();
            if (keys.isEmpty()) {
                System.err.println("no keys in " + data.data);
                return 0;
            }
            Instant now = Instant.now();
            System.out.printf("%-12s  %-20s  %-5s  %-20s  %-20s  %s%n", "ID", "USER", "ADMIN", "CREATED", "EXPIRES", "STATE");
            for (ApiKeyInfo key : keys) {
                String state = key.revokedAt() != null ? "revoked " + key.revokedAt()
                        : key.usableAt(now) ? "active" : "expired";
                System.out.printf("%-12s  %-20s  %-5s  %-20s  %-20s  %s%n", key.id(), key.user(), key.admin() ? "yes" : "no",
                        key.createdAt(), key.expiresAt() == null ? "never" : key.expiresAt().toString(), state);
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its id (see keys list).")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Parameters(paramLabel = "ID", description = "the key's id")
        String id;

        @Override
        public Integer call() {
            if (!data.keys().revoke(id.strip(), Instant.now().truncatedTo(ChronoUnit.SECONDS))) {
                System.err.println("advisor: no key with id '" + id + "' in " + data.data);
                return 1;
            }
            System.err.println("revoked key " + id.strip() + "; a running advisor refuses it within a few seconds");
            return 0;
        }
    }
}
