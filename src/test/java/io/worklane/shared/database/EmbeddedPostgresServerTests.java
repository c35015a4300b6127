package io.worklane.shared.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTests {

    private static final Path BINARIES = Path.of("target/test-db").toAbsolutePath();

    @TempDir
    Path home;

    @Test
    void runsDurablyWithFsyncOn() throws Exception {
        try (var server = EmbeddedPostgresServer.start(home, BINARIES, false)) {
            assertThat(query(server, "show fsync")).isEqualTo("on");
            assertThat(query(server, "show synchronous_commit")).isEqualTo("on");
            assertThat(query(server, "show full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void refusesConnectionsWithoutItsGeneratedPassword() throws Exception {
        try (var server = EmbeddedPostgresServer.start(home, BINARIES, false)) {
            assertThat(server.password()).hasSizeGreaterThanOrEqualTo(32);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "guess"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void startsAgainAfterWorklaneWasKilledAndKeepsWhatWasWritten() throws Exception {
        Process worklane = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresProcess.class.getName(), home.toString(), BINARIES.toString()))
                .redirectErrorStream(true)
                .start();
        try (var output = new BufferedReader(new InputStreamReader(worklane.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("READY")) {
                // start-up logging
            }
            assertThat(line).as("the child process reported ready").startsWith("READY");
        }
        worklane.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is orphaned
        assertThat(worklane.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(home.resolve("pg/postmaster.pid")).exists();

        try (var server = EmbeddedPostgresServer.start(home, BINARIES, false)) {
            assertThat(query(server, "select note from survived")).isEqualTo("written before kill -9");
        }
        assertThat(home.resolve("pg/postmaster.pid")).doesNotExist();
    }

    @Test
    void startsDespiteAStaleLockFileOfAServerThatIsGone() throws Exception {
        try (var server = EmbeddedPostgresServer.start(home, BINARIES, false)) {
            query(server, "select 1");
        }
        Files.writeString(home.resolve("pg/postmaster.pid"), "999999\n" + home.resolve("pg") + "\n");

        try (var server = EmbeddedPostgresServer.start(home, BINARIES, false)) {
            assertThat(query(server, "select 'up'")).isEqualTo("up");
        }
    }

    @Test
    void refusesToShareItsDataWithAnotherLiveWorklane() throws Exception {
        try (var server = EmbeddedPostgresServer.start(home, BINARIES, false)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(home, BINARIES, false))
                    .hasMessageContaining("Another Worklane is running");
            assertThat(query(server, "select 'still up'")).isEqualTo("still up");
        }
    }

    @Test
    void aTemporaryServerLeavesNothingBehind() throws Exception {
        Path temporary = home.resolve("temporary");
        try (var server = EmbeddedPostgresServer.start(temporary, BINARIES, true)) {
            query(server, "select 1");
        }
        assertThat(temporary).doesNotExist();
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", server.password());
             var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
