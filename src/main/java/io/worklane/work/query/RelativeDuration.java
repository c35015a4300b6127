package io.worklane.work.query;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code -7d}, {@code 2w}, {@code -3h}, {@code 30m}: an amount of time before (negative) or after now. */
public record RelativeDuration(long amount, Unit unit) {

    private static final Pattern SYNTAX = Pattern.compile("([+-]?)(\\d{1,6})([mhdw])", Pattern.CASE_INSENSITIVE);

    public enum Unit { MINUTES, HOURS, DAYS, WEEKS }

    static Optional<RelativeDuration> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
        Unit unit = switch (m.group(3).toLowerCase(Locale.ROOT)) {
            case "m" -> Unit.MINUTES;
            case "h" -> Unit.HOURS;
            case "d" -> Unit.DAYS;
            default -> Unit.WEEKS;
        };
        return Optional.of(new RelativeDuration(amount, unit));
    }

    /** Days and weeks are calendar days in the zone (a day across a DST change has 23 or 25 hours). */
    Instant from(Instant now, ZoneId zone) {
        return switch (unit) {
            case MINUTES -> now.plusSeconds(amount * 60);
            case HOURS -> now.plusSeconds(amount * 3600);
            case DAYS -> now.atZone(zone).plusDays(amount).toInstant();
            case WEEKS -> now.atZone(zone).plusWeeks(amount).toInstant();
        };
    }
}
