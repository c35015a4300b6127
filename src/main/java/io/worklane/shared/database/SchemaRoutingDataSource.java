package io.worklane.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one place where a connection is pointed at a schema. Every connection handed out is routed
 * explicitly, to the current tenant's schema or else to the platform schema, whatever the last
 * borrower left: so no work ever runs in a schema it did not ask for. Routing goes to the physical
 * connection (one {@code SET search_path} per checkout); Hikari is not told, so it does not spend a
 * second round trip resetting the schema when the connection comes back.
 */
public class SchemaRoutingDataSource extends DelegatingDataSource implements AutoCloseable {

    private final CurrentSchema currentSchema;
    private final String platformSchema;

    public SchemaRoutingDataSource(HikariDataSource pool, CurrentSchema currentSchema, String platformSchema) {
        super(pool);
        this.currentSchema = currentSchema;
        this.platformSchema = platformSchema;
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
        try {
            connection.unwrap(Connection.class).setSchema(currentSchema.name().orElse(platformSchema));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void close() {
        ((HikariDataSource) getTargetDataSource()).close();
    }
}
