package io.worklane.sla;

import io.worklane.sla.BusinessCalendar.Span;
import io.worklane.sla.ClockEngine.Clock;
import io.worklane.sla.ClockEngine.Conditions;
import io.worklane.sla.ClockEngine.Moment;
import io.worklane.sla.ClockEngine.Status;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Clocks replayed from known histories, with the business time worked out by hand. */
class ClockEngineTests {

    /** Office hours in UTC, Mon–Fri 09:00–17:00. */
    private static final BusinessCalendar OFFICE = new BusinessCalendar(ZoneId.of("UTC"), weekdays(), Set.of(), Set.of());

    /** An item's state: its status and priority. */
    record Item(String status, String priority) {
    }

    /** Time to resolution: from creation, paused while waiting for the customer, stopped when done; 4 h, 1 h if urgent. */
    private static final Conditions<Item> RESOLUTION = new Conditions<>(null,
            item -> item.status().equals("Waiting for customer"), item -> item.status().equals("Done"),
            item -> item.priority().equals("urgent") ? Duration.ofHours(1) : Duration.ofHours(4), 75);

    @Test
    void aClockRunsInBusinessHoursAndIsMetWhenStoppedInTime() {
        // Tuesday 1 Dec 2026: opened 10:00, in progress 11:00, done 13:00: three business hours.
        var history = timeline("2026-12-01T10:00:00Z", "Open", "2026-12-01T11:00:00Z", "In progress",
                "2026-12-01T13:00:00Z", "Done");
        Clock clock = ClockEngine.compute(history, RESOLUTION, OFFICE, at("2026-12-02T09:00:00Z"));
        assertThat(clock.status()).isEqualTo(Status.MET);
        assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(3));
        assertThat(clock.stoppedAt()).isEqualTo(at("2026-12-01T13:00:00Z"));
        assertThat(clock.warnedAt()).as("75 % of 4 h is 3 h, reached at the stop").isEqualTo(at("2026-12-01T13:00:00Z"));
        assertThat(clock.breachedAt()).isNull();
    }

    @Test
    void waitingForTheCustomerPausesTheClockAndTheDueTimeMovesOnFridayEvening() {
        // Friday 4 Dec: opened 14:00, waiting 15:00–Monday 10:00, then running again.
        var history = timeline("2026-12-04T14:00:00Z", "Open", "2026-12-04T15:00:00Z", "Waiting for customer",
                "2026-12-07T10:00:00Z", "In progress");
        Clock paused = ClockEngine.compute(history.subList(0, 2), RESOLUTION, OFFICE, at("2026-12-07T09:30:00Z"));
        assertThat(paused.status()).isEqualTo(Status.PAUSED);
        assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(1));
        assertThat(paused.dueAt()).as("no due time while paused").isNull();

        Clock running = ClockEngine.compute(history, RESOLUTION, OFFICE, at("2026-12-07T11:00:00Z"));
        assertThat(running.status()).isEqualTo(Status.RUNNING);
        assertThat(running.elapsed()).isEqualTo(Duration.ofHours(2));
        // Three hours left from Monday 10:00.
        assertThat(running.dueAt()).isEqualTo(at("2026-12-07T13:00:00Z"));
        assertThat(running.warnAt()).isEqualTo(at("2026-12-07T12:00:00Z"));
        assertThat(running.remaining()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aClockOverItsGoalBreachesAtTheExactBusinessInstant() {
        // Opened Friday 16:00, still open on Monday afternoon: one hour on Friday, so the 4 h goal ran out on Monday at 12:00.
        var history = timeline("2026-12-04T16:00:00Z", "Open");
        Clock clock = ClockEngine.compute(history, RESOLUTION, OFFICE, at("2026-12-07T14:00:00Z"));
        assertThat(clock.status()).isEqualTo(Status.BREACHED);
        assertThat(clock.elapsed()).isEqualTo(Duration.ofHours(6));
        assertThat(clock.breachedAt()).isEqualTo(at("2026-12-07T12:00:00Z"));
        assertThat(clock.warnedAt()).isEqualTo(at("2026-12-07T11:00:00Z"));
    }

    @Test
    void raisingThePriorityTightensTheGoalOfARunningClock() {
        List<Moment<Item>> history = List.of(
                new Moment<>(at("2026-12-01T09:00:00Z"), new Item("Open", "normal")),
                new Moment<>(at("2026-12-01T10:30:00Z"), new Item("Open", "urgent")));
        Clock clock = ClockEngine.compute(history, RESOLUTION, OFFICE, at("2026-12-01T11:00:00Z"));
        assertThat(clock.goal()).isEqualTo(Duration.ofHours(1));
        assertThat(clock.status()).isEqualTo(Status.BREACHED);
        assertThat(clock.breachedAt()).isEqualTo(at("2026-12-01T10:00:00Z"));
    }

    @Test
    void aClockWithAStartConditionWaitsForIt() {
        Conditions<Item> fromProgress = new Conditions<>(item -> item.status().equals("In progress"), null,
                item -> item.status().equals("Done"), item -> Duration.ofHours(2), 50);
        var notYet = timeline("2026-12-01T09:00:00Z", "Open");
        assertThat(ClockEngine.compute(notYet, fromProgress, OFFICE, at("2026-12-01T12:00:00Z")).status()).isEqualTo(Status.NOT_STARTED);
        var history = timeline("2026-12-01T09:00:00Z", "Open", "2026-12-01T12:00:00Z", "In progress",
                "2026-12-01T13:30:00Z", "Done", "2026-12-01T15:00:00Z", "In progress");
        Clock clock = ClockEngine.compute(history, fromProgress, OFFICE, at("2026-12-02T12:00:00Z"));
        assertThat(clock.status()).as("stopped at the first Done; reopening does not restart it").isEqualTo(Status.MET);
        assertThat(clock.startedAt()).isEqualTo(at("2026-12-01T12:00:00Z"));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void theSameHistoryGivesTheSameClockOnAnotherCalendar() {
        var history = timeline("2026-12-04T16:00:00Z", "Open", "2026-12-07T10:00:00Z", "Done");
        assertThat(ClockEngine.compute(history, RESOLUTION, OFFICE, at("2026-12-08T00:00:00Z")).elapsed())
                .isEqualTo(Duration.ofHours(2));
        Clock allDay = ClockEngine.compute(history, RESOLUTION, BusinessCalendar.allDay(), at("2026-12-08T00:00:00Z"));
        assertThat(allDay.elapsed()).isEqualTo(Duration.ofHours(66));
        assertThat(allDay.status()).isEqualTo(Status.BREACHED);
        assertThat(allDay.breachedAt()).isEqualTo(at("2026-12-04T20:00:00Z"));
    }

    private static List<Moment<Item>> timeline(String... atAndStatus) {
        List<Moment<Item>> moments = new ArrayList<>();
        for (int i = 0; i < atAndStatus.length; i += 2) {
            moments.add(new Moment<>(at(atAndStatus[i]), new Item(atAndStatus[i + 1], "normal")));
        }
        return moments;
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static Map<DayOfWeek, List<Span>> weekdays() {
        Map<DayOfWeek, List<Span>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(new Span(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return hours;
    }
}
