package io.worklane.shared.database;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Runs an embedded server in its own JVM, the way Worklane does, so that a test can kill that JVM
 * with SIGKILL. Writes a row, prints READY, then waits to be killed.
 */
public final class EmbeddedPostgresProcess {

    public static void main(String[] args) throws Exception {
        var server = EmbeddedPostgresServer.start(Path.of(args[0]), Path.of(args[1]), false);
        try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", server.password())) {
            connection.createStatement().execute("create table survived (note text)");
            connection.createStatement().execute("insert into survived values ('written before kill -9')");
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        System.in.read();
    }
}
