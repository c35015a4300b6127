package io.worklane.tenancy.internal;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates, migrates and drops tenant schemas with the migrations in {@code db/tenant}. */
@Component
public class TenantSchemas {

    static final String LOCATION = "classpath:db/tenant";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Pattern SCHEMA_NAME = Pattern.compile("tenant_[a-z0-9_]{1,40}");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final int latestVersion;

    public TenantSchemas(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.latestVersion = findLatestVersion();
    }

    /** The version every tenant schema is migrated to by this build. */
    public int latestVersion() {
        return latestVersion;
    }

    /** Creates the schema if needed and applies every pending migration; returns the schema's version. */
    public int migrate(String schema) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(checked(schema))
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return version == null ? 0 : Integer.parseInt(version);
    }

    public void drop(String schema) {
        jdbc.sql("drop schema if exists " + checked(schema) + " cascade").update();
    }

    private static String checked(String schema) {
        // The name is built from a validated slug; checking again keeps DDL built from strings safe.
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("Not a tenant schema name: " + schema);
        }
        return schema;
    }

    private static int findLatestVersion() {
        try {
            Resource[] scripts = new PathMatchingResourcePatternResolver().getResources(LOCATION + "/*.sql");
            return Arrays.stream(scripts)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .map(VERSIONED::matcher)
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max()
                    .orElseThrow(() -> new IllegalStateException("No tenant migrations in " + LOCATION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
