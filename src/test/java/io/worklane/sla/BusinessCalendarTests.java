package io.worklane.sla;

import io.worklane.sla.BusinessCalendar.Span;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Business time across nights, weekends, holidays and the nights clocks change, worked out by hand. */
class BusinessCalendarTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Mon–Fri 09:00–12:30 and 13:30–17:00 in London (7 hours a day); Christmas every year; 2026-12-28 once. */
    private final BusinessCalendar office = new BusinessCalendar(LONDON, weekdays(
            new Span(LocalTime.of(9, 0), LocalTime.of(12, 30)), new Span(LocalTime.of(13, 30), LocalTime.of(17, 0))),
            Set.of(LocalDate.of(2026, 12, 28)), Set.of(MonthDay.of(12, 25)));

    @Test
    void countsOnlyWorkingSpansOfADay() {
        assertThat(office.between(at("2026-12-01T08:00"), at("2026-12-01T18:00"))).isEqualTo(Duration.ofHours(7));
        assertThat(office.between(at("2026-12-01T12:00"), at("2026-12-01T14:00"))).isEqualTo(Duration.ofMinutes(60));
        assertThat(office.between(at("2026-12-01T12:40"), at("2026-12-01T13:20"))).as("inside lunch").isZero();
        assertThat(office.between(at("2026-12-01T17:00"), at("2026-12-01T09:00"))).as("backwards").isZero();
    }

    @Test
    void skipsNightsAndWeekends() {
        // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday.
        assertThat(office.between(at("2026-12-04T16:00"), at("2026-12-07T10:00"))).isEqualTo(Duration.ofHours(2));
        // A whole week: five days of seven hours.
        assertThat(office.between(at("2026-11-30T00:00"), at("2026-12-07T00:00"))).isEqualTo(Duration.ofHours(35));
    }

    @Test
    void skipsHolidaysOnceAndEveryYear() {
        // Thu 24 Dec 2026 to Tue 29 Dec: 24th (7 h), 25th yearly holiday, weekend, 28th one-off holiday.
        assertThat(office.between(at("2026-12-24T00:00"), at("2026-12-29T00:00"))).isEqualTo(Duration.ofHours(7));
        // The yearly holiday recurs: Christmas 2028 is a Monday.
        assertThat(office.between(at("2028-12-25T00:00"), at("2028-12-26T00:00"))).isZero();
        assertThat(office.isWorkingDay(LocalDate.of(2027, 12, 28))).as("the one-off holiday does not recur").isTrue();
    }

    @Test
    void findsWhenAGoalFallsDueAcrossTheWeekend() {
        // Four business hours from Friday 16:00: one on Friday, then three on Monday (09:00–12:00).
        assertThat(office.plus(at("2026-12-04T16:00"), Duration.ofHours(4))).isEqualTo(at("2026-12-07T12:00"));
        // Ordered at night: the clock starts with the working day.
        assertThat(office.plus(at("2026-12-01T22:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-12-02T09:30"));
        // Exactly the end of a span, not the start of the next one.
        assertThat(office.plus(at("2026-12-01T09:00"), Duration.ofMinutes(210))).isEqualTo(at("2026-12-01T12:30"));
        assertThat(office.plus(at("2026-12-01T09:00"), Duration.ofMinutes(211))).isEqualTo(at("2026-12-01T13:31"));
        assertThat(office.plus(at("2026-12-01T09:00"), Duration.ZERO)).isEqualTo(at("2026-12-01T09:00"));
    }

    @Test
    void plusAndBetweenAgree() {
        Instant from = at("2026-12-23T15:17");
        for (long minutes : new long[]{1, 59, 420, 421, 2000, 10_000}) {
            Instant due = office.plus(from, Duration.ofMinutes(minutes));
            assertThat(office.between(from, due)).as("%d minutes", minutes).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void theNightClocksGoForwardHasAnHourLessAndTheNightTheyGoBackAnHourMore() {
        BusinessCalendar nights = new BusinessCalendar(LONDON, everyDay(new Span(LocalTime.MIN, LocalTime.of(4, 0))), Set.of(), Set.of());
        // 29 March 2026: 01:00 GMT becomes 02:00 BST.
        assertThat(nights.between(at("2026-03-29T00:00"), at("2026-03-29T12:00"))).isEqualTo(Duration.ofHours(3));
        // 25 October 2026: 02:00 BST becomes 01:00 GMT.
        assertThat(nights.between(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-25T12:00:00Z")))
                .isEqualTo(Duration.ofHours(5));
        // Three hours from midnight on the short night end at 04:00 local (03:00 UTC).
        assertThat(nights.plus(at("2026-03-29T00:00"), Duration.ofHours(3))).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
        // Office hours straddling the change are still seven hours.
        assertThat(office.between(at("2026-03-30T00:00"), at("2026-03-31T00:00"))).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void allDayIsWallClockTime() {
        BusinessCalendar always = BusinessCalendar.allDay();
        assertThat(always.between(Instant.parse("2026-12-04T16:00:00Z"), Instant.parse("2026-12-07T10:00:00Z")))
                .isEqualTo(Duration.ofHours(66));
        assertThat(always.plus(Instant.parse("2026-12-31T23:00:00Z"), Duration.ofHours(2))).isEqualTo(Instant.parse("2027-01-01T01:00:00Z"));
    }

    @Test
    void aCalendarWithoutWorkingTimeNeverFallsDue() {
        BusinessCalendar never = new BusinessCalendar(LONDON, Map.of(), Set.of(), Set.of());
        assertThat(never.between(at("2026-12-01T00:00"), at("2027-12-01T00:00"))).isZero();
        assertThatThrownBy(() -> never.plus(at("2026-12-01T00:00"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Span(LocalTime.of(10, 0), LocalTime.of(9, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String localLondon) {
        return LocalDateTime.parse(localLondon).atZone(LONDON).toInstant();
    }

    private static Map<DayOfWeek, List<Span>> weekdays(Span... spans) {
        Map<DayOfWeek, List<Span>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(spans));
        }
        return hours;
    }

    private static Map<DayOfWeek, List<Span>> everyDay(Span... spans) {
        Map<DayOfWeek, List<Span>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(spans));
        }
        return hours;
    }
}
