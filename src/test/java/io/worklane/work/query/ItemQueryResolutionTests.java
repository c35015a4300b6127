package io.worklane.work.query;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.worklane.work.query.Item.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a query means once names are bound, and that the in-memory side answers it. */
class ItemQueryResolutionTests {

    // The night Berlin moves its clocks forward (02:00 CET -> 03:00 CEST), a Sunday.
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2026-03-29T10:00:00Z");

    final UUID me = UUID.randomUUID();
    final UUID ada = UUID.randomUUID();
    final UUID ops = UUID.randomUUID();
    final UUID incident = UUID.randomUUID();
    final UUID incidentDone = UUID.randomUUID();
    final UUID changeDone = UUID.randomUUID();
    final UUID incidentOpen = UUID.randomUUID();
    final UUID epic = UUID.randomUUID();

    final InMemoryVocabulary vocabulary = new InMemoryVocabulary()
            .status(incidentOpen, "Open", "todo")
            .status(incidentDone, "Done", "done")
            .status(changeDone, "Done", "done")
            .team("OPS", ops)
            .type("Incident", incident)
            .user("me@org.test", "Me Myself", me)
            .user("ada@org.test", "Ada Lovelace", ada)
            .item("OPS-1", epic)
            .customField("impact", CustomFieldKind.NUMBER)
            .customField("system", CustomFieldKind.TEXT)
            .customField("envs", CustomFieldKind.MULTISELECT)
            .customField("golive", CustomFieldKind.DATE)
            .customField("approver", CustomFieldKind.USER)
            .customField("tier", CustomFieldKind.SELECT);

    ResolvedQuery resolve(String text) {
        return ItemQuery.resolve(text, vocabulary, new QueryContext(me, NOW, BERLIN));
    }

    boolean matches(String text, Item item) {
        return resolve(text).matches(item);
    }

    @Test
    void aStatusNameMeansEveryStatusOfThatName() {
        ResolvedQuery query = resolve("status = done");

        assertThat(query.criteria()).isEqualTo(new Criteria.ReferenceIn(Criteria.Reference.STATUS, Set.of(incidentDone, changeDone)));
        assertThat(query.matches(item().status(changeDone))).isTrue();
        assertThat(query.matches(item().status(incidentOpen))).isFalse();
        assertThat(query.where().sql()).isEqualTo("i.status_id in (:q1)");
        assertThat(query.where().params()).containsEntry("q1", Set.of(incidentDone, changeDone));
    }

    @Test
    void aStatusCategoryMeansEveryStatusInThatPhase() {
        assertThat(matches("statusCategory = \"to do\"", item().status(incidentOpen))).isTrue();
        assertThat(matches("phase IN (done, \"in progress\")", item().status(changeDone))).isTrue();
        assertThat(matches("phase = todo", item().status(changeDone))).isFalse();
    }

    @Test
    void namesThatDoNotExistAreRefusedWithTheirPosition() {
        assertThatThrownBy(() -> resolve("category = unplanned AND status = Dnoe"))
                .isInstanceOf(QueryException.class)
                .hasMessage("There is no status named \"Dnoe\" (position 34)")
                .extracting("position").isEqualTo(34);
        assertThatThrownBy(() -> resolve("team = DEV")).hasMessage("There is no team \"DEV\" (position 7)");
        assertThatThrownBy(() -> resolve("assignee = bob")).hasMessage("There is no person \"bob\" (position 11)");
        assertThatThrownBy(() -> resolve("cf.colour = red")).hasMessage("There is no custom field \"colour\" (position 0)");
        assertThatThrownBy(() -> resolve("priority = urgent")).hasMessageStartingWith("There is no priority \"urgent\" (position 11)");
    }

    @Test
    void aHigherPriorityIsASmallerNumber() {
        assertThat(matches("priority > medium", item().priority(2))).isTrue();
        assertThat(matches("priority > medium", item().priority(1))).isTrue();
        assertThat(matches("priority > medium", item().priority(3))).isFalse();
        assertThat(matches("priority <= low", item().priority(5))).isTrue();
        assertThat(matches("priority <= low", item().priority(3))).isFalse();
        assertThat(resolve("priority > medium").where().sql()).isEqualTo("i.priority < :q1");
    }

    @Test
    void notEqualIncludesItemsWithoutAValue() {
        ResolvedQuery query = resolve("assignee != currentUser()");

        assertThat(query.matches(item().assignee(ada))).isTrue();
        assertThat(query.matches(item())).isTrue();
        assertThat(query.matches(item().assignee(me))).isFalse();
        assertThat(query.where().sql()).isEqualTo("not ((i.assignee_id is not null and i.assignee_id in (:q1)))");
    }

    @Test
    void peopleAreFoundByEmailOrByName() {
        assertThat(matches("reporter = \"ada lovelace\"", item().reporter(ada))).isTrue();
        assertThat(matches("reporter IN (ADA@org.test, me@org.test)", item().reporter(me))).isTrue();
        assertThat(matches("assignee IS EMPTY", item())).isTrue();
        assertThat(matches("assignee IS NOT EMPTY", item())).isFalse();
    }

    @Test
    void watcherMeansAmongTheWatchers() {
        assertThat(matches("watcher = currentUser()", item().watchedBy(ada, me))).isTrue();
        assertThat(matches("watcher = currentUser()", item().watchedBy(ada))).isFalse();
        assertThat(matches("watchers IS EMPTY", item())).isTrue();
        assertThat(resolve("watcher = currentUser()").where().sql())
                .isEqualTo("exists (select 1 from item_watchers w where w.item_id = i.id and w.user_id in (:q1))");
    }

    @Test
    void labelEqualsMeansHasAndInMeansHasAny() {
        Item item = item().labels("vpn", "urgent");

        assertThat(matches("label = vpn", item)).isTrue();
        assertThat(matches("labels IN (dns, urgent)", item)).isTrue();
        assertThat(matches("labels IN (dns, mail)", item)).isFalse();
        assertThat(matches("label != vpn", item)).isFalse();
        assertThat(matches("labels NOT IN (dns)", item)).isTrue();
        assertThat(matches("labels IS EMPTY", item())).isTrue();
        assertThat(resolve("label = vpn").where().sql()).isEqualTo("i.labels @> cast(:q1 as text[])");
        assertThat(resolve("label = vpn").where().params().get("q1")).isEqualTo(new String[] {"vpn"});
        assertThat(resolve("label in (vpn, dns)").where().sql()).isEqualTo("i.labels && cast(:q1 as text[])");
    }

    @Test
    void keysCategoriesTeamsTypesAndParentsCompareByIdentity() {
        Item item = item().key("OPS-7").category("unplanned").team(ops).type(incident).parent(epic);

        assertThat(matches("key = ops-7", item)).isTrue();
        assertThat(matches("key NOT IN (OPS-7, OPS-8)", item)).isFalse();
        assertThat(matches("category = \"Unplanned work\"", item)).isTrue();
        assertThat(matches("category = unplanned AND team = ops AND type = incident AND parent = OPS-1", item)).isTrue();
        assertThat(matches("parent IS EMPTY", item)).isFalse();
        assertThat(matches("category in (change, \"business project\")", item)).isFalse();
    }

    @Test
    void textConditionsMatchStemmedWordsOrExplicitPrefixesInTheirPartOfTheItem() {
        Item item = item().title("Printer jammed on floor 3").description("The toner is empty").comment("Replaced the drum");

        assertThat(matches("title ~ \"printers jamming\"", item)).isTrue();
        assertThat(matches("title ~ \"print jam\"", item)).isFalse();
        assertThat(matches("title ~ \"print* jam\"", item)).isTrue();
        assertThat(matches("comment ~ replacing", item)).isTrue();
        assertThat(matches("title ~ toner", item)).isFalse();
        assertThat(matches("description ~ TONER", item)).isTrue();
        assertThat(matches("comment ~ drum", item)).isTrue();
        assertThat(matches("text ~ \"printer drum\"", item)).isTrue();
        assertThat(matches("text !~ laptop", item)).isTrue();
    }

    @Test
    void textBecomesAWeightedWordSearchWithoutAnyOfItsSyntax() {
        assertThat(resolve("title ~ \"Disk's & | !full:*\"").where())
                .isEqualTo(new SqlFragment("exists (select 1 from item_search s where s.item_id = i.id"
                        + " and s.search @@ to_tsquery('english', :q1))", java.util.Map.of("q1", "disk:A & full:A")));
        assertThat(resolve("description ~ disk").where().params()).containsEntry("q1", "disk:B");
        assertThat(resolve("comment ~ \"disk*\"").where().params()).containsEntry("q1", "disk:*C");
        assertThat(resolve("text ~ disk").where().params()).containsEntry("q1", "disk");
        assertThat(resolve("text ~ \"disk* disk disk*\"").where().params()).containsEntry("q1", "disk:* & disk");
        assertThatThrownBy(() -> resolve("text ~ \"the\""))
                .hasMessage("Search for at least one word that is not a common word like \"the\" (position 7)");
    }

    @Test
    void relativeTimesCountCalendarDaysAcrossDaylightSavingChanges() {
        // 12:00 CEST on the 29th; a day earlier is 12:00 CET on the 28th, only 23 hours before.
        assertThat(resolve("created > -1d").criteria()).isEqualTo(created(Comparison.GREATER, "2026-03-28T11:00:00Z"));
        assertThat(resolve("created > -3h").criteria()).isEqualTo(created(Comparison.GREATER, "2026-03-29T07:00:00Z"));
        assertThat(resolve("created > -30m").criteria()).isEqualTo(created(Comparison.GREATER, "2026-03-29T09:30:00Z"));
        assertThat(resolve("created < 2w").criteria()).isEqualTo(created(Comparison.LESS, "2026-04-12T10:00:00Z"));
        assertThat(resolve("created <= now()").criteria()).isEqualTo(created(Comparison.LESS_OR_EQUAL, "2026-03-29T10:00:00Z"));
    }

    @Test
    void periodFunctionsStartAtMidnightInTheZoneAndWeeksOnMonday() {
        assertThat(resolve("created >= startOfDay()").criteria()).isEqualTo(created(Comparison.GREATER_OR_EQUAL, "2026-03-28T23:00:00Z"));
        assertThat(resolve("created >= startOfDay(-1d)").criteria()).isEqualTo(created(Comparison.GREATER_OR_EQUAL, "2026-03-27T23:00:00Z"));
        assertThat(resolve("created <= endOfDay()").criteria()).isEqualTo(created(Comparison.LESS_OR_EQUAL, "2026-03-29T21:59:59.999999Z"));
        assertThat(resolve("created >= startOfWeek()").criteria()).isEqualTo(created(Comparison.GREATER_OR_EQUAL, "2026-03-22T23:00:00Z"));
        assertThat(resolve("created >= startOfWeek(-1w)").criteria()).isEqualTo(created(Comparison.GREATER_OR_EQUAL, "2026-03-15T23:00:00Z"));
        assertThat(resolve("created <= endOfWeek()").criteria()).isEqualTo(created(Comparison.LESS_OR_EQUAL, "2026-03-29T21:59:59.999999Z"));
        assertThat(resolve("created >= startOfMonth()").criteria()).isEqualTo(created(Comparison.GREATER_OR_EQUAL, "2026-02-28T23:00:00Z"));
        assertThat(resolve("created <= endOfMonth()").criteria()).isEqualTo(created(Comparison.LESS_OR_EQUAL, "2026-03-31T21:59:59.999999Z"));
    }

    @Test
    void aDateComparedWithATimestampMeansTheWholeDayInTheZone() {
        Instant dayStart = Instant.parse("2026-11-01T23:00:00Z");
        Instant nextDay = Instant.parse("2026-11-02T23:00:00Z");

        assertThat(resolve("created = 2026-11-02").criteria()).isEqualTo(new Criteria.And(List.of(
                new Criteria.TimeCompared(Criteria.Timestamp.CREATED, Comparison.GREATER_OR_EQUAL, dayStart),
                new Criteria.TimeCompared(Criteria.Timestamp.CREATED, Comparison.LESS, nextDay))));
        assertThat(matches("updated <= 2026-11-02", item().updated(nextDay.minusSeconds(1)))).isTrue();
        assertThat(matches("updated > 2026-11-02", item().updated(nextDay.minusSeconds(1)))).isFalse();
        assertThat(matches("updated > 2026-11-02", item().updated(nextDay))).isTrue();
        assertThat(matches("updated < 2026-11-02", item().updated(dayStart))).isFalse();
    }

    @Test
    void dueDatesCompareWithTheDateOfAPointInTime() {
        assertThat(resolve("due < now()").criteria()).isEqualTo(new Criteria.DueCompared(Comparison.LESS, LocalDate.of(2026, 3, 29)));
        assertThat(resolve("due <= endOfWeek()").criteria()).isEqualTo(new Criteria.DueCompared(Comparison.LESS_OR_EQUAL, LocalDate.of(2026, 3, 29)));
        assertThat(matches("due < 2026-04-01", item().due(LocalDate.of(2026, 3, 31)))).isTrue();
        assertThat(matches("due < 2026-04-01", item())).isFalse();
        assertThat(matches("NOT due < 2026-04-01", item())).isTrue();
        assertThat(matches("due IS EMPTY", item())).isTrue();
    }

    @Test
    void resolvedCanBeEmptyOrCompared() {
        Instant resolved = Instant.parse("2026-03-20T08:00:00Z");

        assertThat(matches("resolved IS EMPTY", item())).isTrue();
        assertThat(matches("resolved >= startOfMonth()", item().resolved(resolved))).isTrue();
        assertThat(matches("resolved >= startOfMonth()", item())).isFalse();
        assertThat(resolve("resolved > -7d").where().sql()).isEqualTo("(i.resolved_at is not null and i.resolved_at > :q1)");
    }

    @Test
    void customFieldsCompareByTheirKind() {
        Item item = item().field("impact", 4).field("system", "Payroll DB").field("envs", List.of("prod", "dr"))
                .field("golive", "2026-04-15").field("approver", ada.toString()).field("tier", "gold");

        assertThat(matches("cf.impact >= 3", item)).isTrue();
        assertThat(matches("cf.impact < 4", item)).isFalse();
        assertThat(matches("cf.system ~ \"roll d\"", item)).isTrue();
        assertThat(matches("cf.system = \"Payroll DB\"", item)).isTrue();
        assertThat(matches("cf.envs = prod", item)).isTrue();
        assertThat(matches("cf.envs IN (test, dr)", item)).isTrue();
        assertThat(matches("cf.envs NOT IN (test)", item)).isTrue();
        assertThat(matches("cf.golive > startOfMonth(2w)", item)).isTrue();
        assertThat(matches("cf.approver = \"Ada Lovelace\"", item)).isTrue();
        assertThat(matches("cf.tier IN (silver, gold)", item)).isTrue();
        assertThat(matches("cf.tier IS EMPTY", item().field("tier", ""))).isTrue();
        assertThat(matches("cf.impact > 1", item().field("impact", "not a number"))).isFalse();
        assertThat(resolve("cf.impact >= 3").criteria()).isEqualTo(new Criteria.CustomNumberCompared("impact", Comparison.GREATER_OR_EQUAL, new BigDecimal("3")));
    }

    @Test
    void customFieldOperatorsDependOnTheirKind() {
        assertThatThrownBy(() -> resolve("cf.impact ~ high"))
                .hasMessage("\"~\" only works on title, description, comment, text and text custom fields (position 10)");
        assertThatThrownBy(() -> resolve("cf.envs < 3"))
                .hasMessage("\"<\" does not work on cf.envs, a multiselect field, which takes =, !=, IN, NOT IN, IS EMPTY or IS NOT EMPTY (position 8)");
        assertThatThrownBy(() -> resolve("cf.impact = lots")).hasMessage("Expected a number for cf.impact (position 12)");
    }

    @Test
    void aContainsPatternEscapesItsWildcards() {
        SqlFragment where = resolve("cf.system ~ \"50%_off\"").where();

        assertThat(where.sql()).isEqualTo("coalesce((i.fields->>'system') ilike :q1 escape '\\', false)");
        assertThat(where.params()).containsEntry("q1", "%50\\%\\_off%");
        assertThat(matches("cf.system ~ \"50%_off\"", item().field("system", "Sale 50%_OFF now"))).isTrue();
        assertThat(matches("cf.system ~ \"50%_off\"", item().field("system", "Sale 50 percent off"))).isFalse();
    }

    @Test
    void valuesNeverBecomePartOfTheSql() {
        SqlFragment where = resolve("key = \"x'); drop table users; --\" OR cf.system = \"'\"").where();

        assertThat(where.sql()).isEqualTo("(i.key in (:q1) or coalesce((i.fields->>'system') in (:q2), false))");
    }

    @Test
    void anEmptySetOfIdsMatchesNothing() {
        Criteria noStatus = new Criteria.ReferenceIn(Criteria.Reference.STATUS, Set.of());

        assertThat(noStatus.toSql().sql()).isEqualTo("false");
        assertThat(noStatus.matches(item())).isFalse();
        assertThat(resolve("phase = \"in progress\"").where().sql()).isEqualTo("false");
    }

    @Test
    void functionsOnlyGoWhereTheyMeanSomething() {
        assertThatThrownBy(() -> resolve("assignee = now()")).hasMessageStartingWith("now() is not a person (position 11)");
        assertThatThrownBy(() -> resolve("created > currentUser()")).hasMessage("currentUser() is not a time for created (position 10)");
        assertThatThrownBy(() -> resolve("created > yesterday")).hasMessageStartingWith("Expected a date such as 2026-11-01");
        assertThatThrownBy(() -> ItemQuery.resolve("assignee = currentUser()", vocabulary, new QueryContext(null, NOW, BERLIN)))
                .hasMessage("currentUser() needs a signed-in person (position 11)");
    }

    @Test
    void listsAreOrderedByLastUpdateUnlessTheyAskOtherwise() {
        assertThat(resolve("status = Done").order()).containsExactly(SortKey.descending(SortField.UPDATED));
        assertThat(resolve("status = Done ORDER BY due, priority DESC").order())
                .containsExactly(SortKey.ascending(SortField.DUE), SortKey.descending(SortField.PRIORITY));
    }

    @Test
    void aTextSearchIsOrderedByRelevanceUnlessItAsksOtherwise() {
        ResolvedQuery query = resolve("team = OPS AND text ~ printer");

        assertThat(query.order()).containsExactly(SortKey.descending(SortField.RELEVANCE), SortKey.descending(SortField.UPDATED));
        assertThat(query.relevanceQuery()).contains("printer");
        assertThatThrownBy(() -> resolve("team = OPS ORDER BY relevance"))
                .hasMessage("Ordering by relevance needs a text condition such as text ~ printer (position 20)");
    }

    @Test
    void andOrAndNotCombineAsWritten() {
        Item doneByAda = item().status(incidentDone).assignee(ada).priority(1);

        assertThat(matches("status = Done AND (assignee = ada@org.test OR priority = low)", doneByAda)).isTrue();
        assertThat(matches("status = Done AND assignee = me@org.test OR priority = highest", doneByAda)).isTrue();
        assertThat(matches("status = Done AND NOT (assignee = ada@org.test OR priority = low)", doneByAda)).isFalse();
        assertThat(resolve("status = Done AND team = OPS AND priority = high").criteria()).isInstanceOfSatisfying(
                Criteria.And.class, and -> assertThat(and.all()).hasSize(3));
    }

    private static Criteria created(Comparison comparison, String instant) {
        return new Criteria.TimeCompared(Criteria.Timestamp.CREATED, comparison, Instant.parse(instant));
    }
}
