package io.worklane.work.web;

import io.worklane.shared.web.LargeBodyPath;
import io.worklane.work.AttachmentProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits of attachment uploads, in the places that enforce them: the request size filter (which
 * answers a declared Content-Length over the limit before reading a byte), the servlet container's
 * multipart parser (which counts the whole body, also when it arrives chunked), and
 * {@link io.worklane.work.ItemAttachments}, which counts the file's own bytes as it stores them.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentUploads {

    static final String PATH = "/t/{tenant}/api/v1/items/{key}/attachments";

    /** The item page's upload form posts here (and downloads come from under it). */
    static final String PAGE_PATH = "/t/{tenant}/items/{key}/attachments";

    @Bean
    LargeBodyPath attachmentUploadPath(AttachmentProperties properties) {
        return LargeBodyPath.of("POST", PATH, properties.maxSize().toBytes(), "file");
    }

    @Bean
    LargeBodyPath attachmentPageUploadPath(AttachmentProperties properties) {
        return LargeBodyPath.of("POST", PAGE_PATH, properties.maxSize().toBytes(), "file");
    }

    /**
     * Replaces Boot's spring.servlet.multipart settings: a body up to the attachment limit plus the
     * multipart framing, and a file part as large as that body; parts over 256 KB wait on disk, not in
     * memory. The file's own limit is left to ItemAttachments, which refuses it with the same problem:
     * were the container to refuse the part, it would do so while Spring Security reads the form's CSRF
     * field, losing the field, and a file just over the limit would come back as 403 instead of 413.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(AttachmentProperties properties) {
        LargeBodyPath upload = LargeBodyPath.of("POST", PATH, properties.maxSize().toBytes(), "file");
        return new MultipartConfigElement("", upload.maxRequestBytes(), upload.maxRequestBytes(), 256 * 1024);
    }
}
