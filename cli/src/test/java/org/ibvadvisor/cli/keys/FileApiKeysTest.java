package org.ibvadvisor.cli.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ibvadvisor.identity.AuthMethod;
import org.ibvadvisor.identity.IssuedKey;
import org.ibvadvisor.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileApiKeysTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void a_new_key_names_its_user_and_only_its_hash_is_stored() throws Exception {
        FileApiKeys keys = new FileApiKeys(data);
        assertFalse(keys.holdsAny());
        IssuedKey issued = keys.create("ana", false, null, NOW);

        Optional<User> user = keys.verify(issued.secret(), NOW);
        assertEquals(Optional.of(new User("ana", null, null, false, AuthMethod.KEY)), user);
        assertTrue(keys.holdsAny());
        String stored = Files.readString(keys.file());
        assertFalse(stored.contains(issued.secret().substring(17)), "the secret must not be stored: " + stored);
        assertTrue(stored.contains("\"hash\" : \"$2a$"), stored);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file())));
        assertFalse(issued.toString().contains(issued.secret()));
    }

    @Test
    void a_wrong_secret_a_malformed_key_and_an_unknown_id_are_refused() {
        FileApiKeys keys = new FileApiKeys(data);
        IssuedKey issued = keys.create("ana", true, null, NOW);
        String secret = issued.secret();
        char last = secret.charAt(secret.length() - 1);
        String wrong = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertEquals(Optional.empty(), keys.verify(wrong, NOW));
        assertTrue(keys.verify(secret, NOW).isPresent(), "the right key after a wrong one");
        assertEquals(Optional.empty(), keys.verify(wrong, NOW), "a wrong key after the right one was remembered");
        assertEquals(Optional.empty(), keys.verify("ibv_000000000000_" + secret.substring(17), NOW));
        assertEquals(Optional.empty(), keys.verify("not a key", NOW));
        assertEquals(Optional.empty(), keys.verify("", NOW));
        assertEquals(Optional.empty(), keys.verify(null, NOW));
        assertTrue(keys.verify(secret, NOW).orElseThrow().admin());
    }

    @Test
    void an_expired_or_revoked_key_is_refused_and_still_counts_as_configured() {
        FileApiKeys keys = new FileApiKeys(data);
        IssuedKey expiring = keys.create("ana", false, NOW.plus(Duration.ofDays(90)), NOW);
        IssuedKey revoked = keys.create("bo", false, null, NOW);

        assertTrue(keys.verify(expiring.secret(), NOW.plus(Duration.ofDays(89))).isPresent());
        assertEquals(Optional.empty(), keys.verify(expiring.secret(), NOW.plus(Duration.ofDays(90))));
        assertTrue(keys.verify(revoked.secret(), NOW).isPresent());
        assertTrue(keys.revoke(revoked.info().id(), NOW));
        assertEquals(Optional.empty(), keys.verify(revoked.secret(), NOW), "revoked after it was remembered");
        assertTrue(keys.revoke(revoked.info().id(), NOW), "revoking twice is no error");
        assertFalse(keys.revoke("000000000000", NOW));
        assertEquals(2, keys.list().size());
        assertTrue(keys.holdsAny());
    }

    @Test
    void a_key_made_by_another_process_is_seen_by_a_running_reader() throws Exception {
        FileApiKeys server = new FileApiKeys(data);
        IssuedKey issued = new FileApiKeys(data).create("ana", false, null, NOW);
        Thread.sleep(FileApiKeys.RELOAD_EVERY_NANOS / 1_000_000 + 50);
        assertTrue(server.verify(issued.secret(), NOW).isPresent());

        new FileApiKeys(data).revoke(issued.info().id(), NOW);
        Thread.sleep(FileApiKeys.RELOAD_EVERY_NANOS / 1_000_000 + 50);
        assertEquals(Optional.empty(), server.verify(issued.secret(), NOW));
    }

    @Test
    void bad_arguments_are_refused_with_the_value() {
        FileApiKeys keys = new FileApiKeys(data);
        assertThrows(IllegalArgumentException.class, () -> keys.create(" ana", false, null, NOW));
        assertThrows(IllegalArgumentException.class, () -> keys.create("ana", false, NOW, NOW));
        assertFalse(keys.holdsAny());
    }

    @Test
    void a_damaged_key_file_fails_loudly_rather_than_opening_the_server() throws Exception {
        Files.writeString(data.resolve(FileApiKeys.FILE_NAME), "{not json");
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new FileApiKeys(data));
        assertTrue(error.getMessage().contains(FileApiKeys.FILE_NAME), error.getMessage());
    }
}
