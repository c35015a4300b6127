package io.worklane.work.internal;

import io.worklane.work.AttachmentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Chooses where attachment content lives, from {@code worklane.attachments.directory}. */
@Configuration(proxyBeanMethods = false)
class AttachmentStorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AttachmentStorageConfiguration.class);

    @Bean
    AttachmentStore attachmentStore(AttachmentProperties properties, JdbcTemplate jdbc) {
        if (properties.inDirectory()) {
            log.info("Attachments are stored under {}", properties.directory().toAbsolutePath());
            return new DirectoryAttachmentStore(properties.directory());
        }
        return new DatabaseAttachmentStore(jdbc);
    }
}
