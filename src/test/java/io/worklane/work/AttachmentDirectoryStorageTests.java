package io.worklane.work;

import io.worklane.support.Http;
import io.worklane.support.TestTenants;
import io.worklane.support.WorklaneTest;
import io.worklane.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.worklane.support.TestTenants.PASSWORD;
import static io.worklane.support.TestTenants.adminOf;
import static org.assertj.core.api.Assertions.assertThat;

/** With worklane.attachments.directory set, content lives in files named by tenant and attachment. */
@WorklaneTest
class AttachmentDirectoryStorageTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void storeAttachmentsInADirectory(DynamicPropertyRegistry registry) {
        registry.add("worklane.attachments.directory", () -> directory.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Tenant tenant;
    Http admin;
    String path;

    @BeforeEach
    void stampATenantWithAnItem() {
        tenant = tenants.stamp("files");
        admin = Http.at(port).basic(adminOf(tenant.slug()), PASSWORD);
        String key = admin.post("/t/" + tenant.slug() + "/api/v1/items",
                Map.of("team", "OPS", "type", "Incident", "title", "Disk full")).json().get("key").asString();
        path = "/t/" + tenant.slug() + "/api/v1/items/" + key + "/attachments";
    }

    @Test
    void anUploadLandsAsAFileNamedByTenantAndAttachmentAndIsServedFromIt() throws IOException {
        byte[] png = AttachmentsApiTests.png(300_000);

        var uploaded = admin.upload(path, "file", "df.png", "image/png", png, false);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        Path file = directory.resolve(tenant.id().value().toString()).resolve(id);
        assertThat(file).exists().hasBinaryContent(png);
        assertThat(admin.download(path + "/" + id).body()).isEqualTo(png);
        assertThat(files()).containsExactly(file);
    }

    @Test
    void aRefusedUploadLeavesNoFileBehind() throws IOException {
        var refused = admin.upload(path, "file", "page.png", "image/png",
                "<html>not an image</html>".getBytes(StandardCharsets.UTF_8), true);
        var tooLarge = admin.upload(path, "file", "huge.png", "image/png",
                AttachmentsApiTests.png(AttachmentsApiTests.TEN_MEGABYTES), true);

        assertThat(refused.status()).isEqualTo(415);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(files()).isEmpty();
    }

    @Test
    void aRemovedAttachmentKeepsItsFileButIsNoLongerServed() throws IOException {
        String id = admin.upload(path, "file", "notes.txt", "text/plain", "fsck ran".getBytes(StandardCharsets.UTF_8),
                false).json().get("id").asString();

        assertThat(admin.delete(path + "/" + id).status()).isEqualTo(204);

        assertThat(admin.download(path + "/" + id).statusCode()).isEqualTo(404);
        assertThat(directory.resolve(tenant.id().value().toString()).resolve(id)).exists();
    }

    /** Every regular file stored for this test's tenant, including any staging leftovers. */
    private List<Path> files() throws IOException {
        Path tenantDirectory = directory.resolve(tenant.id().value().toString());
        if (!Files.exists(tenantDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tenantDirectory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
