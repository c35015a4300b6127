package io.worklane.work.internal;

import io.worklane.identity.Role;
import io.worklane.work.CustomFieldKind;
import io.worklane.work.NewCustomField;
import io.worklane.work.Status;
import io.worklane.work.StatusFlow;
import io.worklane.work.StatusPhase;
import io.worklane.work.WorkType;
import io.worklane.work.Workflow;
import io.worklane.work.Workflow.StatusDraft;
import io.worklane.work.Workflow.TransitionDraft;
import io.worklane.work.internal.ItemRules.Errors;
import io.worklane.work.internal.WorkTypeWriter.StatusRow;
import io.worklane.work.internal.WorkTypeWriter.TransitionRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What admins may configure: type names and categories, custom fields, and workflow documents. Every
 * broken rule becomes a field error naming the exact place in the request ({@code statuses[2].phase}),
 * and all of them are reported together.
 */
public final class TypeRules {

    public static final int MAX_NAME = 80;
    public static final int MAX_STATUS_NAME = 60;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_STATUSES = 50;
    public static final int MAX_TRANSITIONS = 500;
    public static final int MAX_OPTIONS = 200;
    public static final int MAX_OPTION = 100;
    public static final Pattern FIELD_KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

    private TypeRules() {
    }

    public static String name(String field, String name, int max, Errors errors) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            errors.add(field, "must not be empty");
        } else if (stripped.length() > max) {
            errors.add(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    public static String description(String description, Errors errors) {
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            errors.add("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return text;
    }

    public static String category(String category, List<String> codes, Errors errors) {
        String code = category == null ? "" : category.strip().toLowerCase(Locale.ROOT);
        if (!codes.contains(code)) {
            errors.add("category", "must be one of " + String.join(", ", codes));
        }
        return code;
    }

    // --- custom fields ---------------------------------------------------------------------------------

    /** A custom field as it will be stored. */
    public record FieldSpec(String key, String name, CustomFieldKind kind, List<String> options, boolean required) {
    }

    public static FieldSpec field(NewCustomField order, Errors errors) {
        String key = order.key() == null ? "" : order.key();
        if (!FIELD_KEY.matcher(key).matches()) {
            errors.add("key", "must match " + FIELD_KEY.pattern()
                    + ": a lower-case letter, then up to 39 lower-case letters, digits or _");
        }
        String name = name("name", order.name(), MAX_NAME, errors);
        CustomFieldKind kind = kind(order.kind(), errors);
        List<String> options = kind == null ? List.of() : options(kind, order.options(), errors);
        return new FieldSpec(key, name, kind, options, Boolean.TRUE.equals(order.required()));
    }

    private static CustomFieldKind kind(String kind, Errors errors) {
        String codes = Arrays.stream(CustomFieldKind.values()).map(CustomFieldKind::code).collect(Collectors.joining(", "));
        if (kind == null || Arrays.stream(CustomFieldKind.values()).noneMatch(k -> k.code().equals(kind.strip()))) {
            errors.add("kind", "must be one of " + codes);
            return null;
        }
        return CustomFieldKind.ofCode(kind.strip());
    }

    /** The options of a field of this kind: required, non-blank and unique for select kinds, none otherwise. */
    public static List<String> options(CustomFieldKind kind, List<String> options, Errors errors) {
        boolean selects = kind == CustomFieldKind.SELECT || kind == CustomFieldKind.MULTISELECT;
        List<String> given = options == null ? List.of() : options;
        if (!selects) {
            if (!given.isEmpty()) {
                errors.add("options", "are only for select and multiselect fields");
            }
            return List.of();
        }
        if (given.isEmpty()) {
            errors.add("options", "must list at least one option for a " + kind.code() + " field");
            return List.of();
        }
        if (given.size() > MAX_OPTIONS) {
            errors.add("options", "may list at most " + MAX_OPTIONS + " options");
        }
        List<String> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String option = given.get(i) == null ? "" : given.get(i).strip();
            String field = "options[" + i + "]";
            if (option.isEmpty()) {
                errors.add(field, "must not be empty");
            } else if (option.length() > MAX_OPTION) {
                errors.add(field, "must be at most " + MAX_OPTION + " characters");
            } else {
                Integer earlier = seen.putIfAbsent(option.toLowerCase(Locale.ROOT), i);
                if (earlier != null) {
                    errors.add(field, "repeats options[" + earlier + "]");
                }
            }
            result.add(option);
        }
        return result;
    }

    // --- workflows -------------------------------------------------------------------------------------

    /** A checked workflow document, ready to store: statuses in order, statuses to remove, transitions. */
    public record ResolvedWorkflow(List<StatusRow> statuses, Set<UUID> removed, List<TransitionRow> transitions) {
    }

    public static ResolvedWorkflow workflow(WorkType current, Workflow document, Errors errors) {
        List<StatusDraft> drafts = document == null || document.statuses() == null ? List.of() : document.statuses();
        List<TransitionDraft> steps = document == null || document.transitions() == null ? List.of()
                : document.transitions();
        if (drafts.isEmpty()) {
            errors.add("statuses", "must list the statuses of the workflow, one of them initial and at least one done");
        } else if (drafts.size() > MAX_STATUSES) {
            errors.add("statuses", "may list at most " + MAX_STATUSES + " statuses");
        }
        if (steps.size() > MAX_TRANSITIONS) {
            errors.add("transitions", "may list at most " + MAX_TRANSITIONS + " transitions");
        }
        List<StatusRow> statuses = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<UUID, Integer> ids = new HashMap<>();
        Integer initial = null;
        boolean anyDone = false;
        for (int i = 0; i < drafts.size(); i++) {
            StatusDraft draft = drafts.get(i);
            String at = "statuses[" + i + "]";
            if (draft == null) {
                errors.add(at, "must be a status");
                continue;
            }
            String name = name(at + ".name", draft.name(), MAX_STATUS_NAME, errors);
            if (!name.isEmpty()) {
                Integer earlier = names.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
                if (earlier != null) {
                    errors.add(at + ".name", "is also the name of statuses[" + earlier + "] (names are unique, "
                            + "whatever their case)");
                }
            }
            StatusPhase phase = code(at + ".phase", draft.phase(), StatusPhase.values(), StatusPhase::code, errors);
            StatusFlow flow = code(at + ".flow", draft.flow(), StatusFlow.values(), StatusFlow::code, errors);
            anyDone |= phase == StatusPhase.DONE;
            boolean existing = false;
            UUID id = draft.id();
            if (id != null) {
                if (current.status(id).isEmpty()) {
                    errors.add(at + ".id", "is not a status of " + current.name()
                            + "; leave the id out for a new status");
                } else {
                    Integer earlier = ids.putIfAbsent(id, i);
                    if (earlier != null) {
                        errors.add(at + ".id", "is also the id of statuses[" + earlier + "]");
                    } else {
                        existing = true;
                    }
                }
            }
            boolean isInitial = Boolean.TRUE.equals(draft.initial());
            if (isInitial) {
                if (initial != null) {
                    errors.add(at + ".initial", "must be false: statuses[" + initial + "] is already the initial "
                            + "status, and a workflow has exactly one");
                } else {
                    initial = i;
                }
            }
            statuses.add(new StatusRow(existing ? id : UUID.randomUUID(), existing, name, phase, flow, i + 1, isInitial));
        }
        if (!drafts.isEmpty() && initial == null) {
            errors.add("statuses", "must mark exactly one status as initial (\"initial\": true); none is");
        }
        if (!drafts.isEmpty() && !anyDone && drafts.size() <= MAX_STATUSES) {
            errors.add("statuses", "must include at least one status whose phase is done");
        }
        Map<String, UUID> byName = new HashMap<>();
        statuses.forEach(s -> byName.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s.id()));
        String known = statuses.stream().map(StatusRow::name).filter(n -> !n.isEmpty()).collect(Collectors.joining(", "));
        List<TransitionRow> transitions = new ArrayList<>();
        Map<List<UUID>, Integer> pairs = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            TransitionDraft step = steps.get(i);
            String at = "transitions[" + i + "]";
            if (step == null) {
                errors.add(at, "must be a transition");
                continue;
            }
            UUID from = statusNamed(at + ".from", step.from(), byName, known, errors);
            UUID to = statusNamed(at + ".to", step.to(), byName, known, errors);
            if (from != null && from.equals(to)) {
                errors.add(at + ".to", "must differ from 'from': a transition leads to another status");
            } else if (from != null && to != null) {
                Integer earlier = pairs.putIfAbsent(List.of(from, to), i);
                if (earlier != null) {
                    errors.add(at, "repeats transitions[" + earlier + "] (the same from and to)");
                }
            }
            String name = step.name() == null || step.name().isBlank() ? nameOf(to, statuses) : step.name().strip();
            if (name.length() > MAX_STATUS_NAME) {
                errors.add(at + ".name", "must be at most " + MAX_STATUS_NAME + " characters");
            }
            Set<String> roles = new LinkedHashSet<>();
            List<String> given = step.roles() == null ? List.of() : step.roles();
            for (int r = 0; r < given.size(); r++) {
                try {
                    roles.add(Role.fromCode(given.get(r) == null ? "" : given.get(r).strip()).code());
                } catch (IllegalArgumentException e) {
                    errors.add(at + ".roles[" + r + "]", e.getMessage());
                }
            }
            if (from != null && to != null) {
                transitions.add(new TransitionRow(from, to, name, List.copyOf(roles)));
            }
        }
        Set<UUID> kept = new HashSet<>(ids.keySet());
        Set<UUID> removed = current.statuses().stream().map(Status::id).filter(id -> !kept.contains(id))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ResolvedWorkflow(statuses, removed, transitions);
    }

    private static String nameOf(UUID status, List<StatusRow> statuses) {
        return statuses.stream().filter(s -> s.id().equals(status)).map(StatusRow::name).findFirst().orElse("");
    }

    private static UUID statusNamed(String field, String name, Map<String, UUID> byName, String known, Errors errors) {
        if (name == null || name.isBlank()) {
            errors.add(field, "must name a status of this workflow");
            return null;
        }
        UUID id = byName.get(name.strip().toLowerCase(Locale.ROOT));
        if (id == null) {
            errors.add(field, "is not a status of this workflow; its statuses: " + known);
        }
        return id;
    }

    private static <E extends Enum<E>> E code(String field, String code, E[] values,
                                              java.util.function.Function<E, String> codeOf, Errors errors) {
        String given = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (codeOf.apply(value).equals(given)) {
                return value;
            }
        }
        errors.add(field, "must be one of " + Arrays.stream(values).map(codeOf).collect(Collectors.joining(", ")));
        return null;
    }
}
