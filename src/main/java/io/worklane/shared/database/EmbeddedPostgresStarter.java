package io.worklane.shared.database;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the embedded PostgreSQL the moment the application context is created, on a thread of its
 * own, so that the server comes up while Spring builds everything that does not need it yet.
 * {@link DatabaseConfiguration} waits for it when the first bean needs the database.
 */
public class EmbeddedPostgresStarter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A server on its way up. */
    record Starting(CompletableFuture<EmbeddedPostgresServer> server) {

        EmbeddedPostgresServer await() {
            try {
                return server.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        DatabaseProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("worklane.database", DatabaseProperties.class);
        if (!properties.embedded() || context.getBeanFactory().containsSingleton("embeddedPostgresStarting")) {
            return;
        }
        var server = new CompletableFuture<EmbeddedPostgresServer>();
        Thread starter = new Thread(() -> {
            try {
                server.complete(EmbeddedPostgresServer.start(properties.home(), properties.binaries(), properties.temporary()));
            } catch (RuntimeException | Error e) {
                server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        context.getBeanFactory().registerSingleton("embeddedPostgresStarting", new Starting(server));
    }
}
