package io.worklane.shared.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * How to reach Worklane's database, embedded or external: the pool is built from it, and so is any
 * connection that must not come from the pool (a session-long {@code LISTEN}, which a pooled
 * connection would hold for ever and which the pool's schema routing must not touch).
 */
public record DatabaseLogin(String url, String username, String password) {

    /**
     * Opens a connection outside the pool. {@code applicationName} shows in {@code pg_stat_activity},
     * so that an operator can tell it from the pool's connections.
     */
    public Connection connect(String applicationName) throws SQLException {
        var properties = new Properties();
        if (username != null && !username.isBlank()) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        // A dead peer behind a silent network is noticed by the kernel, not only by our own checks.
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    /** Never prints the password (this record ends up in logs and in failure messages). */
    @Override
    public String toString() {
        return "DatabaseLogin[" + url + " as " + username + "]";
    }
}
