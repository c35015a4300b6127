package io.worklane.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The one place where a connection is pointed at a schema. Every connection handed out is routed
 * explicitly, to the current tenant's schema or else to the platform schema, whatever the last
 * borrower left: so no work ever runs in a schema it did not ask for. Routing goes to the physical
 * connection; Hikari is not told, so it does not spend a second round trip resetting the schema when
 * the connection comes back. The schema each physical connection was last pointed at is remembered,
 * and {@code SET search_path} is sent only when it differs: on a busy tenant most checkouts find
 * their schema already set, and the round trip was a tenth of an item read's cost. That holds
 * because nothing else changes {@code search_path} for good (ADR 0002: no raw SQL does; Flyway
 * restores what it changes); a connection whose routing failed is closed and forgotten.
 */
public class SchemaRoutingDataSource extends DelegatingDataSource implements AutoCloseable {

    private final CurrentSchema currentSchema;
    private final String platformSchema;
    /** Physical connection → the schema it was last set to; weak, so retired connections drop out. */
    private final Map<Connection, String> routed = Collections.synchronizedMap(new WeakHashMap<>());

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
        String schema = currentSchema.name().orElse(platformSchema);
        Connection physical = null;
        try {
            physical = connection.unwrap(Connection.class);
            if (!schema.equals(routed.get(physical))) {
                routed.remove(physical);
                physical.setSchema(schema);
                routed.put(physical, schema);
            }
        } catch (SQLException | RuntimeException e) {
            if (physical != null) {
                routed.remove(physical);
            }
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
