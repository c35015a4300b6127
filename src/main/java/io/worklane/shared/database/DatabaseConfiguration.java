package io.worklane.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String PLATFORM_SCHEMA = "platform";
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Holds the embedded server, if any, so that it stops after the pool is closed. */
    record Server(Optional<EmbeddedPostgresServer> embedded) implements AutoCloseable {
        @Override
        public void close() {
            embedded.ifPresent(EmbeddedPostgresServer::close);
        }
    }

    @Bean(destroyMethod = "close")
    Server databaseServer(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresStarter.Starting> starting) {
        if (!properties.embedded()) {
            log.info("Using the PostgreSQL server at {}", properties.url());
            return new Server(Optional.empty());
        }
        EmbeddedPostgresStarter.Starting started = starting.getIfAvailable();
        return new Server(Optional.of(started != null ? started.await()
                : EmbeddedPostgresServer.start(properties.home(), properties.binaries(), properties.temporary())));
    }

    @Bean
    DatabaseLogin databaseLogin(Server server, DatabaseProperties properties) {
        return server.embedded()
                .map(embedded -> new DatabaseLogin(embedded.jdbcUrl("postgres"), "postgres", embedded.password()))
                .orElseGet(() -> new DatabaseLogin(properties.url(), properties.username(), properties.password()));
    }

    /**
     * The application's {@link CurrentSchema}, looked up when first asked (tenancy's bean needs this
     * data source) and then kept: a bean factory lookup on every connection checkout was a twentieth
     * of a work-item write's CPU (docs/benchmarks.md). Until the bean exists, work runs in the platform schema.
     */
    static final class ResolvedOnce implements CurrentSchema {

        private final ObjectProvider<CurrentSchema> provider;
        private volatile CurrentSchema resolved;

        ResolvedOnce(ObjectProvider<CurrentSchema> provider) {
            this.provider = provider;
        }

        @Override
        public Optional<String> name() {
            CurrentSchema schema = resolved;
            if (schema == null) {
                schema = provider.getIfAvailable();
                if (schema == null) {
                    return Optional.empty();
                }
                resolved = schema;
            }
            return schema.name();
        }
    }

    /** Closed before the server stops: Spring destroys a bean before the beans it depends on. */
    @Bean(destroyMethod = "close")
    SchemaRoutingDataSource dataSource(DatabaseLogin login, DatabaseProperties properties,
                                       ObjectProvider<CurrentSchema> currentSchema) {
        var config = new HikariConfig();
        config.setPoolName("worklane");
        config.setJdbcUrl(login.url());
        config.setUsername(login.username());
        config.setPassword(login.password());
        config.setSchema(PLATFORM_SCHEMA);
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(Math.min(4, properties.poolSize()));
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "worklane");
        // Worklane's statements are many, small and concurrent: a parallel plan takes the cores that
        // other requests need (on 2 cores, one full-text search with two workers took 3 of them).
        // Reports that want parallelism set max_parallel_workers_per_gather locally.
        config.addDataSourceProperty("options", "-c max_parallel_workers_per_gather=0");
        return new SchemaRoutingDataSource(new HikariDataSource(config), new ResolvedOnce(currentSchema), PLATFORM_SCHEMA);
    }

}
