package org.ibvadvisor.cli.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ibvadvisor.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {
    @TempDir
    Path data;

    @Test
    void create_prints_the_key_alone_on_the_last_line_of_stdout_and_the_rest_on_stderr() throws Exception {
        CliRun run = CliRun.of("keys", "create", "--user", "ana", "--expires", "90d", "--data", data.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), "stdout holds the key only: " + run.out());
        String key = lines.getLast();
        assertTrue(key.matches("ibv_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), key);
        assertTrue(run.err().contains("for ana"), run.err());
        assertFalse(run.err().contains(key));
        assertFalse(Files.readString(data.resolve(FileApiKeys.FILE_NAME)).contains(key.substring(17)));
        assertTrue(new FileApiKeys(data).verify(key, Instant.now()).isPresent());
    }

    @Test
    void list_shows_ids_users_and_states_but_never_secrets_and_revoke_ends_a_key() {
        String key = CliRun.of("keys", "create", "--user", "ana", "--admin", "--data", data.toString()).out().strip();
        String id = key.substring(4, 16);

        CliRun list = CliRun.of("keys", "list", "--data", data.toString());
        assertEquals(0, list.exitCode());
        assertTrue(list.out().contains(id) && list.out().contains("ana") && list.out().contains("active"), list.out());
        assertFalse(list.out().contains(key.substring(17)));

        assertEquals(0, CliRun.of("keys", "revoke", id, "--data", data.toString()).exitCode());
        assertTrue(CliRun.of("keys", "list", "--data", data.toString()).out().contains("revoked"));
        assertFalse(new FileApiKeys(data).verify(key, Instant.now()).isPresent());
        assertEquals(1, CliRun.of("keys", "revoke", "000000000000", "--data", data.toString()).exitCode());
    }

    @Test
    void bad_options_fail_with_a_message_and_make_no_key() {
        CliRun noUser = CliRun.of("keys", "create", "--data", data.toString());
        assertEquals(2, noUser.exitCode());
        assertTrue(noUser.err().contains("--user"), noUser.err());

        CliRun badExpiry = CliRun.of("keys", "create", "--user", "ana", "--expires", "soon", "--data", data.toString());
        assertEquals(2, badExpiry.exitCode());
        assertTrue(badExpiry.err().contains("--expires"), badExpiry.err());
        assertEquals("", badExpiry.out());
        assertFalse(Files.exists(data.resolve(FileApiKeys.FILE_NAME)));
    }
}
