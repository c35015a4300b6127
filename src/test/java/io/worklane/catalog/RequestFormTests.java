package io.worklane.catalog;

import io.worklane.shared.web.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A request form's rules: each kind's value, defaults, conditional fields, and the form's own checks. */
class RequestFormTests {

    final UUID known = UUID.randomUUID();
    final RequestForm form = new RequestForm(List.of(
            field("size", FieldKind.NUMBER, true, 20, null, new BigDecimal("1"), new BigDecimal("2000"), null),
            field("engine", FieldKind.CHOICE, true, null, List.of("PostgreSQL", "MySQL"), null, null, null),
            field("owner", FieldKind.USER, false, null, null, null, null, null),
            field("start", FieldKind.DATE, false, null, null, null, null, null),
            field("agreed", FieldKind.CHECKBOX, true, null, null, null, null, null),
            field("note", FieldKind.TEXT, false, null, null, null, null, 10),
            new FormField("replica", "Replica", FieldKind.CHOICE, true, null, null, List.of("yes", "no"), null, null, null,
                    new FormField.VisibleWhen("engine", "PostgreSQL"))));

    @Test
    void goodAnswersAreKeptInTheirOwnTypesWithDefaultsFilledIn() {
        List<FieldError> errors = new ArrayList<>();

        Map<String, Object> kept = form.answer(Map.of("engine", "MySQL", "owner", known.toString(), "start", "2026-12-24",
                "agreed", true, "note", "  fast  "), id -> id.equals(known), errors);

        assertThat(errors).isEmpty();
        assertThat(kept).containsEntry("size", new BigDecimal("20")).containsEntry("engine", "MySQL")
                .containsEntry("owner", known.toString()).containsEntry("start", "2026-12-24")
                .containsEntry("agreed", true).containsEntry("note", "fast").doesNotContainKey("replica");
        assertThat(kept.keySet()).startsWith("size", "engine");
    }

    @Test
    void eachBrokenRuleIsNamedByItsField() {
        List<FieldError> errors = new ArrayList<>();

        form.answer(Map.of("size", "2001", "engine", "Oracle", "owner", UUID.randomUUID().toString(), "start", "24.12.2026",
                "agreed", false, "note", "far too long a note", "extra", 1), id -> false, errors);

        assertThat(errors).extracting(FieldError::field).containsExactly("answers.extra", "answers.size", "answers.engine",
                "answers.owner", "answers.start", "answers.agreed", "answers.note");
        assertThat(errors.get(1).message()).isEqualTo("must be at most 2000");
        assertThat(errors.get(5).message()).isEqualTo("must be ticked");
    }

    @Test
    void aConditionalFieldIsRequiredOnlyWhileShown() {
        List<FieldError> shown = new ArrayList<>();
        form.answer(Map.of("engine", "PostgreSQL", "agreed", true), id -> true, shown);
        List<FieldError> hidden = new ArrayList<>();
        Map<String, Object> kept = form.answer(Map.of("engine", "MySQL", "agreed", true, "replica", "yes"), id -> true, hidden);

        assertThat(shown).extracting(FieldError::field).containsExactly("answers.replica");
        assertThat(hidden).isEmpty();
        assertThat(kept).doesNotContainKey("replica");
    }

    @Test
    void theFormItselfIsChecked() {
        RequestForm broken = new RequestForm(List.of(
                field("1st", FieldKind.TEXT, false, null, null, null, null, null),
                field("pick", FieldKind.CHOICE, false, "maybe", List.of("yes", "yes"), null, null, null),
                field("count", FieldKind.NUMBER, false, null, null, new BigDecimal("5"), new BigDecimal("1"), null),
                new FormField("late", "Late", FieldKind.TEXT, false, null, null, null, null, null, null,
                        new FormField.VisibleWhen("later", true)),
                field("late", FieldKind.TEXT, false, null, null, null, null, 0)));

        assertThat(broken.problems()).extracting(FieldError::field).containsExactly("form[0].key", "form[1].options",
                "form[1].defaultValue", "form[2].min", "form[3].visibleWhen.field", "form[4].key", "form[4].maxLength");
    }

    private static FormField field(String key, FieldKind kind, boolean required, Object defaultValue, List<String> options,
                                   BigDecimal min, BigDecimal max, Integer maxLength) {
        return new FormField(key, key, kind, required, defaultValue, null, options, min, max, maxLength, null);
    }
}
