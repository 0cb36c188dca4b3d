package org.ibvadvisor.store.h2;

import org.ibvadvisor.conversation.*;

import static org.ibvadvisor.store.h2.Sql.instant;
import static org.ibvadvisor.store.h2.Sql.query;
import static org.ibvadvisor.store.h2.Sql.update;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A {@link ConversationStore} in an embedded H2 database, the file {@code <directory>/advisor.mv.db}.
 *
 * <p>The database is opened with {@code WRITE_DELAY=0}, so that H2 writes every commit to the file before the commit
 * returns (its default, 500 ms, would lose recent commits when the process is killed). Commits are not fsync'ed:
 * they survive a crash of the process, not necessarily of the machine. As that setting also turns off H2's background
 * housekeeping, a {@link FileCompactor} compacts the file every so many writes. Only one process can open the
 * directory; a second fails with a {@link ConversationStoreException} saying so.
 *
 * <p>The store opened acts for the implicit {@code local} user; {@link #forOwner} gives the same database as another
 * owner sees it. Every query is scoped by the owner, so another owner's conversation or message is simply not found.
 */
public final class H2ConversationStore implements ConversationStore {
    /** Name of the database in the directory; H2 adds {@code .mv.db}. */
    public static final String DATABASE_NAME = "advisor";

    private static final int MAX_CONNECTIONS = 8;
    private static final int COMPACT_EVERY_WRITES = 100;
    private static final int COMPACT_MAX_MILLIS = 50;
    private static final String SETTINGS = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    private static final String CONVERSATION_COLUMNS = "id, title, created_at, updated_at, message_count";
    private static final String MESSAGE_COLUMNS = "id, conversation_id, role, content, created_at, meta_json, client_supplied";

    private final Path directory;
    private final ConversationLimits limits;
    private final Clock clock;
    private final JdbcConnectionPool pool;
    private final FileCompactor compactor;
    private final AtomicLong lastMicros;
    private final String owner;
    private final H2ConversationStore opened;
    private volatile boolean closed;

    /** Opens (creating or migrating as needed) the store in {@code directory}. */
    public H2ConversationStore(Path directory, ConversationLimits limits) {
        this(directory, limits, Clock.systemUTC());
    }

    /** As above, with the clock that stamps conversations, messages and feedback. */
    public H2ConversationStore(Path directory, ConversationLimits limits, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.directory.toString().contains(";")) {
            throw new IllegalArgumentException("conversation directory " + this.directory + " contains ';'");
        }
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create conversation directory " + this.directory, e);
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + this.directory.resolve(DATABASE_NAME) + SETTINGS);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        this.pool = JdbcConnectionPool.create(dataSource);
        pool.setMaxConnections(MAX_CONNECTIONS);
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            Schema.migrate(connection);
        } catch (SQLException | RuntimeException e) {
            pool.dispose();
            throw openFailure(e);
        }
        this.compactor = new FileCompactor(pool, COMPACT_EVERY_WRITES, COMPACT_MAX_MILLIS);
        this.lastMicros = new AtomicLong();
        this.owner = LOCAL_OWNER;
        this.opened = this;
    }

    private H2ConversationStore(H2ConversationStore opened, String owner) {
        this.directory = opened.directory;
        this.limits = opened.limits;
        this.clock = opened.clock;
        this.pool = opened.pool;
        this.compactor = opened.compactor;
        this.lastMicros = opened.lastMicros;
        this.owner = owner;
        this.opened = opened;
    }

    /** The owner of the conversations of a store opened before conversations had owners. */
    public static final String LOCAL_OWNER = "local";

    @Override
    public H2ConversationStore forOwner(String owner) {
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank() || owner.length() > 200) {
            throw new IllegalArgumentException("an owner is 1 to 200 characters, was \"" + owner + "\"");
        }
        return owner.equals(this.owner) ? this : new H2ConversationStore(opened, owner);
    }

    @Override
    public String owner() {
        return owner;
    }

    /** The file holding the database. */
    public Path databaseFile() {
        return directory.resolve(DATABASE_NAME + ".mv.db");
    }

    @Override
    public Conversation create(String title) {
        String cleanTitle = title == null ? null : checkedTitle(title);
        String untitledOrTitle = cleanTitle == null || cleanTitle.isEmpty() ? null : cleanTitle;
        String id = ConversationIds.next();
        OffsetDateTime now = now();
        return write("create a conversation", connection -> {
            update(connection, "INSERT INTO conversation (id, owner, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    id, owner, untitledOrTitle, now, now);
            return new Conversation(id, untitledOrTitle == null ? "" : untitledOrTitle, now.toInstant(), now.toInstant(), 0);
        });
    }

    @Override
    public Optional<ConversationWithMessages> get(String conversationId) {
        if (!ConversationIds.isWellFormed(conversationId)) return Optional.empty();
        return read("read a conversation", connection -> {
            Optional<Conversation> conversation = findConversation(connection, conversationId);
            if (conversation.isEmpty()) return Optional.empty(); // or another owner's
            List<Message> messages = query(connection,
                    "SELECT " + MESSAGE_COLUMNS + " FROM message WHERE conversation_id = ? ORDER BY seq",
                    H2ConversationStore::message, conversationId);
            List<Feedback> feedback = query(connection, """
                    SELECT f.message_id, f.rating, f.comment, f.created_at FROM feedback f
                    JOIN message m ON m.id = f.message_id WHERE m.conversation_id = ? ORDER BY m.seq""",
                    H2ConversationStore::feedback, conversationId);
            return Optional.of(new ConversationWithMessages(conversation.get(), messages, feedback));
        });
    }

    @Override
    public List<Conversation> list(int limit, int offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit " + limit + " and offset " + offset + " must not be negative");
        }
        return read("list conversations", connection -> query(connection,
                "SELECT " + CONVERSATION_COLUMNS + " FROM conversation WHERE owner = ?"
                        + " ORDER BY updated_at DESC, seq DESC LIMIT ? OFFSET ?",
                H2ConversationStore::conversation, owner, limit, offset));
    }

    @Override
    public Conversation rename(String conversationId, String title) {
        String cleanTitle = checkedTitle(Objects.requireNonNull(title, "title"));
        if (cleanTitle.isEmpty()) throw new IllegalArgumentException("a conversation title must not be blank");
        requireConversationId(conversationId);
        return write("rename a conversation", connection -> {
            if (update(connection, "UPDATE conversation SET title = ? WHERE id = ? AND owner = ?", cleanTitle,
                    conversationId, owner) == 0) {
                throw new ConversationNotFoundException(conversationId);
            }
            return findConversation(connection, conversationId).orElseThrow();
        });
    }

    @Override
    public void delete(String conversationId) {
        requireConversationId(conversationId);
        write("delete a conversation", connection -> {
            if (update(connection, "DELETE FROM conversation WHERE id = ? AND owner = ?", conversationId, owner) == 0) {
                throw new ConversationNotFoundException(conversationId);
            }
            return null;
        });
    }

    @Override
    public Message appendMessage(String conversationId, Role role, String content, String metaJson) {
        return append(conversationId, role, content, metaJson, false);
    }

    @Override
    public Message appendClientMessage(String conversationId, Role role, String content) {
        return append(conversationId, role, content, null, true);
    }

    private Message append(String conversationId, Role role, String content, String metaJson, boolean clientSupplied) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        checkLength("message content", content, limits.maxContentChars());
        if (metaJson != null) checkLength("answer metadata", metaJson, limits.maxMetaChars());
        requireConversationId(conversationId);
        String firstQuestionTitle = role == Role.USER ? Titles.fromQuestion(content, limits.maxTitleChars()) : "";
        int room = role == Role.USER ? 2 : 1;
        String id = ConversationIds.next();
        OffsetDateTime now = now();
        return write("append a message", connection -> {
            // Takes the conversation's row lock: appends to one conversation are serialised, so seq order is append order.
            int updated = update(connection, """
                    UPDATE conversation SET message_count = message_count + 1, updated_at = ?,
                        title = COALESCE(title, CAST(? AS CHARACTER VARYING))
                    WHERE id = ? AND owner = ? AND message_count + ? <= ?""",
                    now, firstQuestionTitle.isEmpty() ? null : firstQuestionTitle, conversationId, owner, room,
                    limits.maxMessages());
            if (updated == 0) {
                if (findConversation(connection, conversationId).isEmpty()) {
                    throw new ConversationNotFoundException(conversationId);
                }
                throw new ConversationFullException(conversationId, limits.maxMessages());
            }
            update(connection, """
                    INSERT INTO message (id, conversation_id, role, content, meta_json, created_at, client_supplied)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", id, conversationId, role.name(), content, metaJson, now, clientSupplied);
            return new Message(id, conversationId, role, content, now.toInstant(), metaJson, clientSupplied);
        });
    }

    @Override
    public List<Message> recentMessages(String conversationId, int count) {
        if (count < 0) throw new IllegalArgumentException("message count " + count + " must not be negative");
        requireConversationId(conversationId);
        return read("read recent messages", connection -> {
            if (findConversation(connection, conversationId).isEmpty()) {
                throw new ConversationNotFoundException(conversationId);
            }
            return query(connection, "SELECT * FROM (SELECT seq, " + MESSAGE_COLUMNS
                            + " FROM message WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq",
                    H2ConversationStore::message, conversationId, count);
        });
    }

    @Override
    public Feedback setFeedback(String messageId, Rating rating, String comment) {
        Objects.requireNonNull(rating, "rating");
        String cleanComment = comment == null ? "" : comment.strip();
        checkLength("feedback comment", cleanComment, limits.maxCommentChars());
        if (!ConversationIds.isWellFormed(messageId)) throw new MessageNotFoundException(messageId);
        OffsetDateTime now = now();
        return write("record feedback", connection -> {
            // FOR UPDATE keeps a concurrent delete of the conversation from removing the message under us.
            List<String> roles = query(connection, "SELECT role, client_supplied FROM message WHERE id = ? AND conversation_id IN "
                    + "(SELECT id FROM conversation WHERE owner = ?) FOR UPDATE",
                    rows -> rows.getBoolean(2) ? "CLIENT" : rows.getString(1), messageId, owner);
            if (roles.isEmpty()) throw new MessageNotFoundException(messageId);
            if (roles.getFirst().equals("CLIENT")) {
                throw new IllegalArgumentException("message " + messageId + " was sent by a client, not answered by this "
                        + "advisor: feedback is for its answers");
            }
            if (!roles.getFirst().equals(Role.ASSISTANT.name())) {
                throw new IllegalArgumentException("message " + messageId + " is a question: feedback is for answers");
            }
            update(connection, "MERGE INTO feedback (message_id, rating, comment, created_at) KEY (message_id) VALUES (?, ?, ?, ?)",
                    messageId, rating.name(), cleanComment, now);
            return new Feedback(messageId, rating, cleanComment, now.toInstant());
        });
    }

    /** Closes the database; on a {@link #forOwner} view, closes the store it was taken from. */
    @Override
    public void close() {
        if (opened != this) {
            opened.close();
            return;
        }
        if (closed) return;
        closed = true;
        compactor.close();
        pool.dispose();
    }

    @Override
    public String toString() {
        return "H2ConversationStore[" + databaseFile() + (owner.equals(LOCAL_OWNER) ? "" : " as " + owner) + "]";
    }

    // --- validation ---

    /** The title on one line, checked against the limit; empty if it was blank or control characters only. */
    private String checkedTitle(String title) {
        String clean = Titles.normalize(title);
        checkLength("conversation title", clean, limits.maxTitleChars());
        return clean;
    }

    private static void checkLength(String what, String text, int max) {
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " of " + text.length() + " chars is longer than the limit of " + max);
        }
    }

    private static void requireConversationId(String conversationId) {
        if (!ConversationIds.isWellFormed(conversationId)) throw new ConversationNotFoundException(conversationId);
    }

    /** Strictly increasing across calls, so that ordering by time is ordering by call. */
    private OffsetDateTime now() {
        Instant instant = clock.instant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        long unique = lastMicros.updateAndGet(last -> Math.max(last + 1, micros));
        return Instant.EPOCH.plus(unique, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    // --- transactions and rows ---

    private <T> T write(String what, Sql.Work<T> work) {
        T result = compactor.duringWrite(() -> inTransaction(what, Connection.TRANSACTION_READ_COMMITTED, work));
        compactor.written();
        return result;
    }

    /** Reads in one snapshot, so that a conversation's count and its messages agree. */
    private <T> T read(String what, Sql.Work<T> work) {
        return inTransaction(what, Connection.TRANSACTION_REPEATABLE_READ, work);
    }

    private <T> T inTransaction(String what, int isolation, Sql.Work<T> work) {
        if (opened.closed) throw new IllegalStateException(this + " is closed");
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(isolation);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ConversationStoreException("could not " + what + " in " + databaseFile() + ": " + e.getMessage(), e);
        }
    }

    /** The owner's conversation {@code id}; empty for another owner's. */
    private Optional<Conversation> findConversation(Connection connection, String id) throws SQLException {
        return query(connection, "SELECT " + CONVERSATION_COLUMNS + " FROM conversation WHERE id = ? AND owner = ?",
                H2ConversationStore::conversation, id, owner).stream().findFirst();
    }

    private static Conversation conversation(ResultSet row) throws SQLException {
        String title = row.getString("title");
        return new Conversation(row.getString("id"), title == null ? "" : title, instant(row, "created_at"),
                instant(row, "updated_at"), row.getInt("message_count"));
    }

    private static Message message(ResultSet row) throws SQLException {
        return new Message(row.getString("id"), row.getString("conversation_id"), Role.valueOf(row.getString("role")),
                row.getString("content"), instant(row, "created_at"), row.getString("meta_json"),
                row.getBoolean("client_supplied"));
    }

    private static Feedback feedback(ResultSet row) throws SQLException {
        return new Feedback(row.getString("message_id"), Rating.valueOf(row.getString("rating")),
                row.getString("comment"), instant(row, "created_at"));
    }

    private ConversationStoreException openFailure(Exception e) {
        if (e instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new ConversationStoreException("conversation database " + databaseFile()
                    + " is already open in another process: stop the other IBV Advisor server first", e);
        }
        return new ConversationStoreException("cannot open conversation database " + databaseFile() + ": "
                + e.getMessage(), e);
    }
}
