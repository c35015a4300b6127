package io.worklane.work;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentContentPolicyTests {

    @TempDir
    Path dir;

    @Test
    void recognisesEachAcceptedTypeByItsFirstBytes() throws IOException {
        assertThat(type("a.png", null, AttachmentsApiTests.png(20))).isEqualTo("image/png");
        assertThat(type("a.jpg", "image/jpg", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).isEqualTo("image/jpeg");
        assertThat(type("a.gif", "image/gif", "GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEqualTo("image/gif");
        assertThat(type("a.webp", null, "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).isEqualTo("image/webp");
        assertThat(type("a.pdf", "application/pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(type("notes.txt", "text/plain", "Grüße\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(type("app.log", null, "boot ok\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(type("data.csv", "application/vnd.ms-excel", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/csv");
        assertThat(type("data.json", "application/json", "{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("application/json");
        assertThat(type("plan.docx", null, office("word/document.xml"))).isEqualTo(AttachmentContentPolicy.DOCX);
        assertThat(type("sums.xlsx", null, office("xl/workbook.xml"))).isEqualTo(AttachmentContentPolicy.XLSX);
        assertThat(type("deck.pptx", null, office("ppt/presentation.xml"))).isEqualTo(AttachmentContentPolicy.PPTX);
    }

    @Test
    void refusesWhatIsNotOnTheList() throws IOException {
        assertThat(refusal("page.html", "text/html", "<html><body>hi</body></html>")).contains("markup");
        assertThat(refusal("logo.svg", "image/svg+xml", "<?xml version=\"1.0\"?><svg/>")).contains("markup");
        assertThat(refusal("logo", null, "\uFEFF  <svg onload=alert(1)>")).contains("markup");
        assertThat(refusal("a.bin", null, bytes('M', 'Z', 0x90, 0, 3))).contains("NUL");
        assertThat(refusal("latin1.txt", null, bytes('G', 'r', 0xFC, 0xDF, 'e'))).contains("UTF-8");
        assertThat(refusal("x.zip", null, zip("hello.txt"))).contains("zip");
        assertThat(refusal("macro.docx", null, zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
                .contains("macros");
        assertThat(refusal("broken.json", "application/json", "{\"a\":")).contains("JSON");
        assertThat(refusal("empty.txt", null, new byte[0])).contains("empty");
    }

    @Test
    void refusesADeclaredTypeOrExtensionThatContradictsTheBytes() throws IOException {
        assertThat(refusal("a.png", "text/plain", AttachmentsApiTests.png(4))).contains("sent as text/plain");
        assertThat(refusal("a.html", null, AttachmentsApiTests.png(4))).contains(".html").contains("name it .png");
        assertThat(refusal("invoice.pdf.exe", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
                .contains(".exe");
    }

    @Test
    void aFileNameLosesPathsControlCharactersAndExcessLength() {
        assertThat(AttachmentContentPolicy.filename("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
        assertThat(AttachmentContentPolicy.filename("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentContentPolicy.filename("in\u0000vo\nice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(AttachmentContentPolicy.filename(" .. ")).isEqualTo("attachment");
        assertThat(AttachmentContentPolicy.filename(null)).isEqualTo("attachment");
        String longName = AttachmentContentPolicy.filename("x".repeat(400) + ".pdf");
        assertThat(longName).hasSize(255).endsWith("x.pdf");
    }

    @Test
    void servesOnlyPassiveTypesUnderTheirOwnName() {
        assertThat(AttachmentContentPolicy.servedType("image/png")).isEqualTo("image/png");
        assertThat(AttachmentContentPolicy.servedType("text/csv")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(AttachmentContentPolicy.servedType("image/svg+xml")).isEqualTo("application/octet-stream");
        assertThat(AttachmentContentPolicy.servedType("text/html")).isEqualTo("application/octet-stream");
    }

    private String type(String name, String declared, byte[] content) throws IOException {
        AttachmentContentPolicy.Decision decision = decide(name, declared, content);
        assertThat(decision.refusal()).as(name).isNull();
        return decision.contentType();
    }

    private String refusal(String name, String declared, String content) throws IOException {
        return refusal(name, declared, content.getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(String name, String declared, byte[] content) throws IOException {
        AttachmentContentPolicy.Decision decision = decide(name, declared, content);
        assertThat(decision.accepted()).as(name).isFalse();
        return decision.refusal();
    }

    private AttachmentContentPolicy.Decision decide(String name, String declared, byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".part");
        Files.write(file, content);
        return AttachmentContentPolicy.decide(name, declared, file);
    }

    private static byte[] office(String part) throws IOException {
        return zip("[Content_Types].xml", "_rels/.rels", part);
    }

    private static byte[] zip(String... names) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
