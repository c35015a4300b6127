package io.worklane.work.web;

import io.worklane.shared.Markdown;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Small formatting for templates, as {@code @ui}: relative times ("3 h ago") with their exact time for
 * a tooltip, a person's initials for an avatar, whether a due date has passed, and file sizes.
 */
@Component("ui")
class UiFormat {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final MessageSource messages;
    private final Clock clock;

    UiFormat(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        Duration age = Duration.between(at, clock.instant());
        if (age.toMinutes() < 1) {
            return text("time.now");
        }
        if (age.toHours() < 1) {
            return text("time.minutes", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return text("time.hours", age.toHours());
        }
        if (age.toDays() < 30) {
            return text("time.days", age.toDays());
        }
        return DAY.format(at.atOffset(ZoneOffset.UTC));
    }

    public String exact(Instant at) {
        return at == null ? "" : EXACT.format(at);
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public boolean overdue(LocalDate due) {
        return due != null && due.isBefore(LocalDate.now(clock));
    }

    /** Sanitised HTML of a person's Markdown: the only text templates may insert unescaped. */
    public String markdown(String text) {
        return Markdown.toSafeHtml(text);
    }

    /** A size in bytes as people read it: 512 bytes, 12 KB, 3.4 MB (powers of 1,024, as file managers count). */
    public String size(long bytes) {
        if (bytes < 1024) {
            return text("size.bytes", bytes);
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return text("size.kb", kb < 10 ? String.format(java.util.Locale.ROOT, "%.1f", kb) : Math.round(kb));
        }
        double mb = kb / 1024.0;
        return text("size.mb", mb < 10 ? String.format(java.util.Locale.ROOT, "%.1f", mb) : Math.round(mb));
    }

    public String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] parts = name.strip().split("\\s+");
        String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (parts[0].substring(0, 1) + last).toUpperCase();
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
