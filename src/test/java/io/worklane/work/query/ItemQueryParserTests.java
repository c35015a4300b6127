package io.worklane.work.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;



import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the text of a query reads: precedence, operators, values, and errors that point at the mistake. */
class ItemQueryParserTests {

    @Test
    void andBindsTighterThanOr() {
        Syntax where = ItemQuery.parse("status = Done OR team = OPS AND priority = high").where();

        assertThat(where).isInstanceOf(Syntax.Or.class);
        Syntax.Or or = (Syntax.Or) where;
        assertThat(fieldOf(or.left())).isEqualTo(Field.STATUS);
        assertThat(or.right()).isInstanceOf(Syntax.And.class);
        assertThat(fieldOf(((Syntax.And) or.right()).left())).isEqualTo(Field.TEAM);
        assertThat(fieldOf(((Syntax.And) or.right()).right())).isEqualTo(Field.PRIORITY);
    }

    @Test
    void parenthesesGroupBeforeAnd() {
        Syntax where = ItemQuery.parse("(status = Done OR team = OPS) AND priority = high").where();

        assertThat(where).isInstanceOf(Syntax.And.class);
        assertThat(((Syntax.And) where).left()).isInstanceOf(Syntax.Or.class);
    }

    @Test
    void notAppliesToTheNextConditionOnly() {
        Syntax where = ItemQuery.parse("NOT status = Done AND team = OPS").where();

        assertThat(where).isInstanceOf(Syntax.And.class);
        assertThat(((Syntax.And) where).left()).isInstanceOf(Syntax.Not.class);
    }

    @Test
    void keywordsAndFieldNamesIgnoreCase() {
        ParsedQuery query = ItemQuery.parse("STATUS = Done and not Team in (OPS) order by Updated asc");

        assertThat(query.where()).isInstanceOf(Syntax.And.class);
        assertThat(query.orderBy()).extracting(ParsedQuery.OrderBy::key).containsExactly(SortKey.ascending(SortField.UPDATED));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status = Done               | EQUALS",
            "status != Done              | NOT_EQUALS",
            "status IN (Done, Closed)    | IN",
            "status not in (Done)        | NOT_IN",
            "title ~ printer             | CONTAINS",
            "title !~ printer            | NOT_CONTAINS",
            "priority < high             | LESS",
            "priority <= high            | LESS_OR_EQUAL",
            "priority > high             | GREATER",
            "priority >= high            | GREATER_OR_EQUAL",
            "assignee IS EMPTY           | IS_EMPTY",
            "assignee is not empty       | IS_NOT_EMPTY",
            "assignee = EMPTY            | IS_EMPTY",
            "assignee != empty           | IS_NOT_EMPTY"})
    void readsEveryOperator(String text, Operator operator) {
        assertThat(((Syntax.Clause) ItemQuery.parse(text).where()).operator()).isEqualTo(operator);
    }

    @Test
    void listsKeepTheirValuesInOrder() {
        Syntax.Clause clause = (Syntax.Clause) ItemQuery.parse("key IN (OPS-1, \"OPS-2\", ops-3)").where();

        assertThat(clause.values()).extracting(v -> ((Syntax.Literal) v).text()).containsExactly("OPS-1", "OPS-2", "ops-3");
    }

    @Test
    void quotedStringsUnescapeQuotesAndKeepKeywordsAsValues() {
        Syntax.Clause title = (Syntax.Clause) ItemQuery.parse("title ~ \"say \\\"and\\\" twice\"").where();
        Syntax.Clause status = (Syntax.Clause) ItemQuery.parse("status = \"and\"").where();

        assertThat(((Syntax.Literal) title.values().get(0)).text()).isEqualTo("say \"and\" twice");
        assertThat(((Syntax.Literal) status.values().get(0)).text()).isEqualTo("and");
    }

    @Test
    void functionsTakeAnOptionalOffset() {
        Syntax.Clause clause = (Syntax.Clause) ItemQuery.parse("created >= startOfWeek(-1w)").where();
        Syntax.Clause plain = (Syntax.Clause) ItemQuery.parse("assignee = currentUser()").where();

        assertThat(clause.values().get(0)).isEqualTo(new Syntax.Call(QueryFunction.START_OF_WEEK,
                new RelativeDuration(-1, RelativeDuration.Unit.WEEKS), 11));
        assertThat(plain.values().get(0)).isEqualTo(new Syntax.Call(QueryFunction.CURRENT_USER, null, 11));
    }

    @Test
    void customFieldsAreNamedWithTheirKey() {
        Syntax.Clause clause = (Syntax.Clause) ItemQuery.parse("cf.Impact >= 3").where();

        assertThat(clause.field()).isEqualTo(new Syntax.FieldName(Field.CUSTOM, "impact", "cf.Impact", 0));
    }

    @Test
    void anOrderAloneIsAQueryForEverything() {
        ParsedQuery query = ItemQuery.parse("ORDER BY priority DESC, created");

        assertThat(query.where()).isNull();
        assertThat(query.orderBy()).extracting(ParsedQuery.OrderBy::key)
                .containsExactly(SortKey.descending(SortField.PRIORITY), SortKey.ascending(SortField.CREATED));
    }

    @Test
    void anEmptyQueryHasNoConditionAndNoOrder() {
        ParsedQuery query = ItemQuery.parse("   ");

        assertThat(query.condition()).isEmpty();
        assertThat(query.orderBy()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "stauts = Done                 | 0  | Unknown field \"stauts\" at position 0; did you mean \"status\"?",
            "team = OPS AND asignee = x    | 15 | Unknown field \"asignee\" at position 15; did you mean \"assignee\"?",
            "colour = red                  | 0  | Unknown field \"colour\" at position 0",
            "status =                      | 8  | Expected a value after \"=\" at position 8",
            "status = Done AND             | 17 | Expected a condition such as status = Done after \"AND\" at position 17",
            "(status = Done                | 0  | Unclosed parenthesis opened at position 0",
            "status = Done)                | 13 | Unexpected \")\" at position 13 without an opening parenthesis",
            "status Done                   | 7  | Expected an operator such as =, !=, IN or ~ after \"status\" at position 7",
            "status ~ Done                 | 7  | \"~\" only works on title, description, comment, text and text custom fields (position 7)",
            "title = printer               | 6  | \"=\" does not work on title, which takes ~ or !~ (position 6)",
            "status IS EMPTY               | 7  | status is never empty; it takes =, !=, IN or NOT IN (position 7)",
            "status IN Done                | 10 | Expected \"(\" after \"IN\" at position 10, as in status IN (Done, Closed)",
            "status IN (Done, Open         | 10 | Unclosed list opened at position 10",
            "title ~ \"disk                | 8  | Unclosed quote opened at position 8",
            "status = Done team = OPS      | 14 | Expected AND, OR or ORDER BY before \"team\" at position 14",
            "assignee = curentUser()       | 11 | Unknown function \"curentUser()\" at position 11; did you mean \"currentUser()\"?",
            "created > startOfDay(yesterday) | 21 | Expected a duration such as -1d, 2w, -3h or 30m at position 21",
            "created > now(\"x\")            | 14 | Expected \")\" at position 14 to close now(",
            "created > now(                | 13 | Unclosed parenthesis opened at position 13",
            "status ! Done                 | 7  | Unexpected \"!\" at position 7; did you mean \"!=\" or \"!~\"?",
            "ORDER BY updatd               | 9  | Cannot order by \"updatd\" at position 9; did you mean \"updated\"?",
            "ORDER updated                 | 6  | Expected BY after ORDER at position 6",
            "cf.9lives = 1                 | 0  | \"cf.9lives\" at position 0 is not a custom field name; write cf. and the field's key, such as cf.impact"})
    void refusesMistakesWithTheirPosition(String text, int position, String message) {
        assertThatThrownBy(() -> ItemQuery.parse(text))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.field()).isEqualTo("q");
                });
    }

    private static Field fieldOf(Syntax syntax) {
        return ((Syntax.Clause) syntax).field().field();
    }

}
