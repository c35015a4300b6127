package io.worklane.board.web;

import io.worklane.board.Board;
import io.worklane.board.BoardId;
import io.worklane.board.BoardManagement;
import io.worklane.board.BoardSettings;
import io.worklane.board.BoardSettings.ColumnSettings;
import io.worklane.board.BoardSettings.LimitSettings;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.work.WorkCategories;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A board's settings as a form: columns (statuses, limits, groups), lanes and their limits, the
 * expedite lane, the limit per person, who may override, the done window and what cards show. The
 * form re-renders with each wrong field marked; a change made meanwhile by another admin is refused.
 */
@Controller
class BoardSettingsPage {

    /** Empty rows offered for adding columns, groups and lane limits. */
    private static final int SPARE_ROWS = 2;

    private final BoardManagement boards;
    private final WorkCategories categories;

    BoardSettingsPage(BoardManagement boards, WorkCategories categories) {
        this.boards = boards;
        this.categories = categories;
    }

    @GetMapping("/t/{tenant}/boards/{id}/settings")
    String form(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id, Model model) {
        Board board = boards.board(me, new BoardId(id));
        requireAdmin(me);
        return render(model, board, BoardManagement.settingsOf(board), board.version(), Map.of(), null);
    }

    @PostMapping("/t/{tenant}/boards/{id}/settings")
    String save(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        BoardId boardId = new BoardId(id);
        Board board = boards.board(me, boardId);
        BoardSettings settings = read(form);
        Long version = parseLong(form.getFirst("version"));
        try {
            boards.update(me, boardId, settings, version);
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.BAD_REQUEST) {
                Map<String, String> errors = new HashMap<>();
                for (FieldError error : problem.errors()) {
                    errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
                }
                return render(model, board, settings, version == null ? board.version() : version, errors,
                        problem.getMessage());
            }
            if (problem.status() == HttpStatus.CONFLICT) {
                return render(model, board, settings, version == null ? board.version() : version, Map.of(),
                        problem.getMessage());
            }
            throw problem;
        }
        redirect.addFlashAttribute("ok", "Board settings saved.");
        return "redirect:/t/" + me.tenantSlug() + "/boards/" + id;
    }

    @GetMapping("/t/{tenant}/boards/{id}/overrides")
    String overrides(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                     Model model) {
        BoardId boardId = new BoardId(id);
        model.addAttribute("board", boards.board(me, boardId));
        model.addAttribute("overrides", boards.overrides(me, boardId));
        return "boards/overrides";
    }

    private String render(Model model, Board board, BoardSettings settings, long version, Map<String, String> errors,
                          String error) {
        List<ColumnSettings> columns = new ArrayList<>(settings.columns() == null ? List.of() : settings.columns());
        List<LimitSettings> groups = new ArrayList<>(settings.groups() == null ? List.of() : settings.groups());
        List<LimitSettings> lanes = new ArrayList<>(settings.lanes() == null ? List.of() : settings.lanes());
        for (int i = 0; i < SPARE_ROWS; i++) {
            columns.add(new ColumnSettings("", "flow", List.of(), null, false, null));
            groups.add(new LimitSettings("", null, false));
            lanes.add(new LimitSettings("", null, false));
        }
        model.addAttribute("board", board);
        model.addAttribute("s", settings);
        model.addAttribute("columns", columns);
        model.addAttribute("groups", groups);
        model.addAttribute("lanes", lanes);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("error", error);
        model.addAttribute("categories", categories.all());
        return "boards/settings";
    }

    /** The form's fields as settings; rows left blank (no name) are not columns, groups or lanes. */
    static BoardSettings read(MultiValueMap<String, String> form) {
        List<ColumnSettings> columns = new ArrayList<>();
        for (int i = 0; form.containsKey("columns[" + i + "].name"); i++) {
            String at = "columns[" + i + "].";
            String name = form.getFirst(at + "name");
            if (name == null || name.isBlank()) {
                continue;
            }
            columns.add(new ColumnSettings(name, form.getFirst(at + "kind"), list(form.getFirst(at + "statuses")),
                    parseInt(form.getFirst(at + "limit")), form.containsKey(at + "hard"), blankToNull(form.getFirst(at + "group"))));
        }
        return new BoardSettings(form.getFirst("name"), blankToNull(form.getFirst("team")), form.getFirst("query"),
                form.getFirst("swimlanes"), form.getFirst("expediteQuery"), parseInt(form.getFirst("personLimit")),
                form.containsKey("personLimitHard"), form.getOrDefault("overrideRoles", List.of()),
                parseInt(form.getFirst("doneWindowDays")), form.getOrDefault("cardFields", List.of()), columns,
                limits(form, "groups"), limits(form, "lanes"));
    }

    private static List<LimitSettings> limits(MultiValueMap<String, String> form, String field) {
        List<LimitSettings> limits = new ArrayList<>();
        for (int i = 0; form.containsKey(field + "[" + i + "].name"); i++) {
            String at = field + "[" + i + "].";
            String name = form.getFirst(at + "name");
            if (name != null && !name.isBlank()) {
                limits.add(new LimitSettings(name, parseInt(form.getFirst(at + "limit")), form.containsKey(at + "hard")));
            }
        }
        return limits;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A number as typed; something that is not one becomes 0, which the rules refuse with a message. */
    private static Integer parseInt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requireAdmin(WorklaneUser me) {
        if (!me.isAdmin()) {
            throw ApiProblem.forbidden("Only admins may set up boards.");
        }
    }
}
