package io.worklane.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where Worklane keeps its data. With no {@code url}, Worklane runs its own PostgreSQL under
 * {@code home}; with one ({@code WORKLANE_DATABASE_URL}), it uses that server. {@code binaries}
 * may point several data directories (tests) at one copy of the server's programs; a
 * {@code temporary} cluster is deleted when Worklane stops.
 */
@ConfigurationProperties("worklane.database")
public record DatabaseProperties(String url, String username, String password, Path home, Path binaries,
                                 boolean temporary, Integer poolSize) {

    public DatabaseProperties {
        home = home == null ? Path.of("data") : home;
        poolSize = poolSize == null ? 20 : poolSize;
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
