package org.ibvadvisor.store.h2;

import org.ibvadvisor.conversation.*;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The conversation tables, created and migrated when a store opens; {@code schema_version} records how far. */
final class Schema {
    /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. Append only; never edit. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
            """
            CREATE TABLE IF NOT EXISTS conversation (
                id CHAR(22) PRIMARY KEY,
                seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                title CHARACTER VARYING,
                created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
                updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
                message_count INT NOT NULL DEFAULT 0)""",
            "CREATE INDEX IF NOT EXISTS conversation_by_activity ON conversation (updated_at DESC, seq DESC)",
            """
            CREATE TABLE IF NOT EXISTS message (
                id CHAR(22) PRIMARY KEY,
                seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
                conversation_id CHAR(22) NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
                role VARCHAR(9) NOT NULL CHECK (role IN ('USER', 'ASSISTANT')),
                content CHARACTER VARYING NOT NULL,
                meta_json CHARACTER VARYING,
                created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS message_by_conversation ON message (conversation_id, seq)",
            """
            CREATE TABLE IF NOT EXISTS feedback (
                message_id CHAR(22) PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE,
                rating VARCHAR(4) NOT NULL CHECK (rating IN ('UP', 'DOWN')),
                comment CHARACTER VARYING NOT NULL,
                created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)"""),
            // 1 -> 2: every conversation has an owner (its messages and their feedback are owned through it); the
            // conversations of the single-user advisor are the implicit local user's
            List.of(
                    "ALTER TABLE conversation ADD COLUMN IF NOT EXISTS owner CHARACTER VARYING(200) NOT NULL DEFAULT 'local'",
                    "CREATE INDEX IF NOT EXISTS conversation_by_owner ON conversation (owner, updated_at DESC, seq DESC)",
                    "ALTER TABLE message ADD COLUMN IF NOT EXISTS client_supplied BOOLEAN NOT NULL DEFAULT FALSE"));

    /** The version this code writes. */
    static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * Brings the database to {@link #CURRENT_VERSION}. Every statement is idempotent, so a migration cut short by a
     * crash is simply run again.
     *
     * @return the version found before migrating (0 for a new database)
     */
    static int migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int found;
            try (ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rows.next();
                found = rows.getInt(1);
            }
            if (found > CURRENT_VERSION) {
                throw new IllegalStateException("conversation database has schema version " + found
                        + ", newer than this program's " + CURRENT_VERSION + ": use a newer IBV Advisor");
            }
            for (int version = found; version < CURRENT_VERSION; version++) {
                for (String sql : MIGRATIONS.get(version)) statement.execute(sql);
                statement.execute("INSERT INTO schema_version (version) VALUES (" + (version + 1) + ")");
                connection.commit();
            }
            return found;
        }
    }
}
