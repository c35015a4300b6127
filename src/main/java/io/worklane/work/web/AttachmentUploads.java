package io.worklane.work.web;

import io.worklane.shared.web.LargeBodyPath;
import io.worklane.work.AttachmentProperties;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits of attachment uploads, in the two places that enforce them: the servlet container's
 * multipart parser (which counts the file and the whole body, also when it arrives chunked) and the
 * request size filter (which answers a declared Content-Length over the limit before reading a byte).
 */
@Configuration(proxyBeanMethods = false)
class AttachmentUploads {

    static final String PATH = "/t/{tenant}/api/v1/items/{key}/attachments";

    @Bean
    LargeBodyPath attachmentUploadPath(AttachmentProperties properties) {
        return LargeBodyPath.of("POST", PATH, properties.maxSize().toBytes(), "file");
    }

    /**
     * Replaces Boot's spring.servlet.multipart settings: files up to the attachment limit, a body up to
     * that plus the multipart framing; parts over 256 KB wait on disk, not in memory.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(LargeBodyPath attachmentUploadPath) {
        return new MultipartConfigElement("", attachmentUploadPath.maxFileBytes(),
                attachmentUploadPath.maxRequestBytes(), 256 * 1024);
    }
}
