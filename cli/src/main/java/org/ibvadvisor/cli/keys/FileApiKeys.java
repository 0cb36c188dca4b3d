package org.ibvadvisor.cli.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.ibvadvisor.identity.ApiKeyInfo;
import org.ibvadvisor.identity.ApiKeys;
import org.ibvadvisor.identity.IssuedKey;
import org.ibvadvisor.identity.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * API keys in one JSON file of the data folder, {@value #FILE_NAME}: each key's id, user, rights, dates and the bcrypt
 * hash of its secret — never the secret. A key reads {@code ibv_<id>_<secret>}: the id finds the entry, the secret is
 * checked against its hash (bcrypt, ~50 ms) once and then remembered in memory as a SHA-256 digest, so a request with
 * a known key costs a map lookup. Writers (the {@code keys} command) hold a file lock and replace the file atomically;
 * readers (the server) notice a changed file within {@link #RELOAD_EVERY_NANOS} and read it again.
 */
public final class FileApiKeys implements ApiKeys {
    public static final String FILE_NAME = "api-keys.json";
    static final long RELOAD_EVERY_NANOS = 1_000_000_000L;
    private static final String PREFIX = "ibv_";
    private static final Pattern KEY = Pattern.compile("ibv_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final int BCRYPT_STRENGTH = 10;
    private static final int MAX_REMEMBERED = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(BCRYPT_STRENGTH);
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    /** The keys of the data folder {@code dataFolder} (the file need not exist yet). */
    public FileApiKeys(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
        this.snapshot = read(file);
        this.checkedAt = System.nanoTime();
    }

    /** Where the keys are kept. */
    public Path file() {
        return file;
    }

    @Override
    public Optional<User> verify(String presentedKey, Instant now) {
        if (presentedKey == null) return Optional.empty();
        var matcher = KEY.matcher(presentedKey);
        if (!matcher.matches()) return Optional.empty();
        Entry entry = current().entries.get(matcher.group(1));
        if (entry == null || !entry.info.usableAt(now)) return Optional.empty();
        byte[] digest = sha256(matcher.group(2));
        byte[] known = verified.get(entry.hash);
        if (known != null) {
            return MessageDigest.isEqual(known, digest) ? Optional.of(entry.info.owner()) : Optional.empty();
        }
        if (!bcrypt.matches(matcher.group(2), entry.hash)) return Optional.empty();
        if (verified.size() >= MAX_REMEMBERED) verified.clear();
        verified.put(entry.hash, digest);
        return Optional.of(entry.info.owner());
    }

    @Override
    public boolean holdsAny() {
        return !current().entries.isEmpty();
    }

    @Override
    public IssuedKey create(String user, boolean admin, Instant expiresAt, Instant now) {
        Objects.requireNonNull(now, "now");
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("a key must expire after it is made, not at " + expiresAt);
        }
        byte[] idBytes = new byte[6];
        byte[] secretBytes = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKeyInfo info = new ApiKeyInfo(id, user, admin, now, expiresAt, null);
        String hash = bcrypt.encode(secret);
        update(entries -> {
            if (entries.containsKey(id)) throw new IllegalStateException("key id collision, try again");
            entries.put(id, new Entry(info, hash));
        });
        return new IssuedKey(info, PREFIX + id + "_" + secret);
    }

    @Override
    public List<ApiKeyInfo> list() {
        return current().entries.values().stream().map(Entry::info).toList();
    }

    @Override
    public boolean revoke(String keyId, Instant now) {
        boolean[] found = {false};
        update(entries -> {
            Entry entry = entries.get(keyId);
            if (entry == null) return;
            found[0] = true;
            if (entry.info.revokedAt() != null) return;
            ApiKeyInfo info = entry.info;
            entries.put(keyId, new Entry(new ApiKeyInfo(info.id(), info.user(), info.admin(), info.createdAt(),
                    info.expiresAt(), now), entry.hash));
        });
        return found[0];
    }

    private Snapshot current() {
        long now = System.nanoTime();
        if (now - checkedAt >= RELOAD_EVERY_NANOS) {
            checkedAt = now;
            Stamp stamp = Stamp.of(file);
            if (!stamp.equals(snapshot.stamp)) snapshot = read(file);
        }
        return snapshot;
    }

    private interface Change {
        void apply(Map<String, Entry> entries);
    }

    private synchronized void update(Change change) {
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(FILE_NAME + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Map<String, Entry> entries = new LinkedHashMap<>(read(file).entries);
                change.apply(entries);
                write(entries);
                snapshot = read(file);
                checkedAt = System.nanoTime();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API keys in " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Map<String, Entry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode keys = root.putArray("keys");
        for (Entry entry : entries.values()) {
            ApiKeyInfo info = entry.info;
            ObjectNode key = keys.addObject();
            key.put("id", info.id());
            key.put("user", info.user());
            key.put("admin", info.admin());
            key.put("createdAt", info.createdAt().toString());
            key.put("expiresAt", info.expiresAt() == null ? null : info.expiresAt().toString());
            key.put("revokedAt", info.revokedAt() == null ? null : info.revokedAt().toString());
            key.put("hash", entry.hash);
        }
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Snapshot read(Path file) {
        Stamp stamp = Stamp.of(file);
        if (stamp.missing()) return new Snapshot(stamp, Map.of());
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || root.path("version").asInt() != 1 || !root.path("keys").isArray()) {
                throw new IllegalStateException(file + " is not an API key file of this advisor (version 1)");
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (JsonNode key : root.path("keys")) {
                ApiKeyInfo info = new ApiKeyInfo(key.path("id").asText(), key.path("user").asText(),
                        key.path("admin").asBoolean(), Instant.parse(key.path("createdAt").asText()),
                        instant(key.path("expiresAt")), instant(key.path("revokedAt")));
                entries.put(info.id(), new Entry(info, key.path("hash").asText()));
            }
            return new Snapshot(stamp, java.util.Collections.unmodifiableMap(entries));
        } catch (NoSuchFileException e) {
            return new Snapshot(Stamp.of(file), Map.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read the API keys in " + file + ": not JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API keys in " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the API keys in " + file + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode node) {
        return node.isNull() || node.isMissingNode() || node.asText().isEmpty() ? null : Instant.parse(node.asText());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(ApiKeyInfo info, String hash) {
    }

    private record Snapshot(Stamp stamp, Map<String, Entry> entries) {
    }

    /** What tells a changed file: its modification time, size and file key (a replaced file is a new inode). */
    private record Stamp(long modified, long size, Object fileKey) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size(), attributes.fileKey());
            } catch (IOException e) {
                return new Stamp(-1, -1, null);
            }
        }

        boolean missing() {
            return size < 0;
        }
    }
}
