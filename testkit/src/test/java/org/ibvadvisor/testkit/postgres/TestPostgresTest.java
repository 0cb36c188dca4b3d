package org.ibvadvisor.testkit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void a_real_server_keeps_committed_rows_across_a_stop_and_refuses_wrong_passwords() throws SQLException {
        try (TestPostgres postgres = TestPostgres.start("advisor")) {
            try (Connection connection = connect(postgres, postgres.password()); Statement sql = connection.createStatement()) {
                sql.execute("create table t (n int)");
                sql.execute("insert into t values (42)");
            }
            assertThrows(SQLException.class, () -> connect(postgres, "wrong").close());

            postgres.stop();
            assertThrows(SQLException.class, () -> connect(postgres, postgres.password()).close());

            postgres.start();
            try (Connection connection = connect(postgres, postgres.password()); Statement sql = connection.createStatement();
                 var rows = sql.executeQuery("select n from t")) {
                rows.next();
                assertEquals(42, rows.getInt(1));
            }
        }
    }

    private static Connection connect(TestPostgres postgres, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", TestPostgres.user());
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(postgres.jdbcUrl("advisor"), properties);
    }
}
