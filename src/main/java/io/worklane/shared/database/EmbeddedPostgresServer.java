package io.worklane.shared.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server that Worklane starts and stops itself, so that the default run needs no
 * setup. The binaries come from zonky's packaged distribution; the process management is ours,
 * because a durable default needs three things the test-oriented zonky launcher does not give:
 * fsync on, recovery from a server orphaned by a {@code kill -9} of Worklane, and running as root
 * (PostgreSQL refuses root, so there we run it as an unprivileged user inside a user namespace;
 * the files stay owned by the real user).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String VERSION = "17.11";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path home;
    private final Path binaries;
    private final Path dataDirectory;
    private final boolean temporary;
    private final int port;
    private volatile boolean running;
    private java.nio.channels.FileChannel lockChannel;

    private EmbeddedPostgresServer(Path home, Path binaries, boolean temporary, int port) {
        this.home = home;
        this.binaries = binaries;
        this.dataDirectory = home.resolve("pg");
        this.temporary = temporary;
        this.port = port;
    }

    /** Starts a server on {@code home/pg}, creating the cluster on first use; returns once it accepts connections. */
    public static EmbeddedPostgresServer start(Path home) {
        return start(home, null, false);
    }

    /**
     * Like {@link #start(Path)}, with the programs under {@code binaries} (default {@code home/pg-17.11});
     * a {@code temporary} server deletes its home when closed.
     */
    public static EmbeddedPostgresServer start(Path home, Path binaries, boolean temporary) {
        try {
            Path absoluteHome = home.toAbsolutePath().normalize();
            Files.createDirectories(absoluteHome);
            Path programs = extractBinaries((binaries == null ? absoluteHome : binaries.toAbsolutePath().normalize())
                    .resolve("pg-" + VERSION));
            var server = new EmbeddedPostgresServer(absoluteHome, programs, temporary, freePort());
            server.lockHome();
            server.initialiseIfNew();
            server.stopOrphanedServer();
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL under " + home, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** The superuser's password (empty for a cluster made before passwords were generated). */
    public String password() {
        try {
            return Files.exists(passwordFile()) ? Files.readString(passwordFile()).strip() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path passwordFile() {
        return home.resolve("pg-password");
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-t", "30", "-w", "stop"));
        log.info("Embedded PostgreSQL stopped");
        try {
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not release the lock on {}", home, e);
        }
        if (temporary) {
            try {
                deleteRecursively(home);
            } catch (IOException e) {
                log.warn("Could not delete the temporary database in {}", home, e);
            }
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Holds a lock on the home directory for as long as this process runs: the operating system
     * releases it when the process dies, however it dies. So a server found running under a home we
     * could lock was orphaned, while a home we cannot lock belongs to a live Worklane.
     */
    private void lockHome() throws IOException {
        lockChannel = java.nio.channels.FileChannel.open(home.resolve("worklane.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("Another Worklane is running with its data in " + home
                    + ". Stop it, or give this one another WORKLANE_HOME.");
        }
    }

    private void initialiseIfNew() throws IOException {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return;
        }
        Files.createDirectories(dataDirectory.getParent());
        Path staging = dataDirectory.resolveSibling("pg.initdb");
        deleteRecursively(staging);
        // Even on 127.0.0.1 other local users must not get in: the superuser gets a generated password.
        byte[] secret = new byte[24];
        new java.security.SecureRandom().nextBytes(secret);
        Path passwordFile = passwordFile();
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, java.util.HexFormat.of().formatHex(secret));
        // initdb into a staging directory, then rename: a crash mid-initdb never leaves a half-made cluster.
        run(List.of(bin("initdb"), "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-U", "postgres", "-E", "UTF-8",
                "--locale=C", "--no-instructions", "-D", staging.toString()));
        Files.writeString(staging.resolve("postgresql.conf"), """

                # Worklane embedded defaults: durable, local only.
                fsync = on
                synchronous_commit = on
                full_page_writes = on
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                max_connections = 200
                shared_buffers = 256MB
                timezone = 'UTC'
                """, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.move(staging, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
        log.info("Created a new embedded PostgreSQL cluster in {}", dataDirectory);
    }

    /**
     * After a {@code kill -9} of Worklane the postmaster lives on, holding the data directory.
     * If the lock file names a live PostgreSQL, stop it cleanly; if it names nothing, remove it.
     */
    private void stopOrphanedServer() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = Files.readAllLines(pidFile).stream().findFirst().map(String::trim)
                .filter(s -> s.matches("\\d+")).map(Long::parseLong);
        boolean alive = pid.flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .filter(command -> command.endsWith("postgres"))
                .isPresent();
        if (alive) {
            log.warn("Stopping an embedded PostgreSQL (pid {}) left running by an earlier Worklane", pid.get());
            run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-t", "60", "-w", "stop"));
        } else {
            log.warn("Removing a stale postmaster.pid left by an earlier Worklane");
            Files.deleteIfExists(pidFile);
        }
    }

    private void startServer() {
        Path logFile = dataDirectory.resolveSibling("postgresql.log");
        run(List.of(bin("pg_ctl"), "-D", dataDirectory.toString(), "-l", logFile.toString(),
                "-o", "-p " + port, "-t", Long.toString(STARTUP_WAIT.toSeconds()), "-w", "start"));
        running = true;
        log.info("Embedded PostgreSQL {} listening on 127.0.0.1:{} with data in {}", VERSION, port, dataDirectory);
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private static void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            // PostgreSQL will not run as root: map root to an ordinary uid in a user namespace.
            full.addAll(List.of("unshare", "--map-user=1000", "--map-group=1000"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(STARTUP_WAIT.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Failed (exit " + process.exitValue() + "): "
                        + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Path extractBinaries(Path target) throws IOException {
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target;
        }
        // Extract beside the target and rename, so that concurrent starts never see half a copy.
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".extracting-");
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
             var tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("Refusing archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(target.resolve("bin/postgres"))) {
                throw e;
            }
            deleteRecursively(staging); // another process extracted them first
        }
        return target;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
