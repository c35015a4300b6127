package io.worklane.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place where a connection is pointed at a tenant's schema. Hikari is configured with the
 * platform schema as its default and resets any connection whose schema was changed before it goes
 * back to the pool, so a pooled connection never keeps a tenant's {@code search_path}.
 */
public class SchemaRoutingDataSource extends DelegatingDataSource implements AutoCloseable {

    private final CurrentSchema currentSchema;

    public SchemaRoutingDataSource(HikariDataSource pool, CurrentSchema currentSchema) {
        super(pool);
        this.currentSchema = currentSchema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return route(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return route(super.getConnection(username, password));
    }

    private Connection route(Connection connection) throws SQLException {
        var schema = currentSchema.name();
        if (schema.isPresent()) {
            try {
                connection.setSchema(schema.get());
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    @Override
    public void close() {
        ((HikariDataSource) getTargetDataSource()).close();
    }
}
