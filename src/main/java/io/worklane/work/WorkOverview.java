package io.worklane.work;

import io.worklane.identity.IdentityManagement;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.internal.Attachments;
import io.worklane.work.internal.Comments;
import io.worklane.work.internal.Directory;
import io.worklane.work.internal.History;
import io.worklane.work.internal.Items;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Read models for the pages people work in: an item with everything around it, the choices of the
 * create dialog, a team. Each is one call (one transaction, a handful of queries, none per row), so
 * that a page costs one round of reads however much it shows.
 */
@Service
public class WorkOverview {

    private final WorkManagement work;
    private final Items items;
    private final History history;
    private final Comments comments;
    private final Attachments attachments;
    private final Directory directory;
    private final IdentityManagement identity;

    WorkOverview(WorkManagement work, Items items, History history, Comments comments, Attachments attachments,
                 Directory directory, IdentityManagement identity) {
        this.work = work;
        this.items = items;
        this.history = history;
        this.comments = comments;
        this.attachments = attachments;
        this.directory = directory;
        this.identity = identity;
    }

    /** The item and its surroundings; an item the actor may not see is not found. */
    @Transactional(readOnly = true)
    public ItemDetail item(WorklaneUser actor, String key) {
        WorkItem item = work.get(actor, key);
        return new ItemDetail(item, work.mayEdit(actor, item), work.transitions(actor, item.key()),
                items.children(item.id()), history.of(item.id()), comments.of(item.id()), attachments.of(item.id()),
                customFields(actor, item));
    }

    /** The custom fields of the item's type in their order, people named rather than shown by id. */
    @Transactional(readOnly = true)
    public List<ItemDetail.FieldValue> customFields(WorklaneUser actor, WorkItem item) {
        WorkType type = work.types(actor).type(item.type().id()).orElse(null);
        if (type == null) {
            return List.of();
        }
        return type.fields().stream().map(field -> {
            Object value = item.fields().get(field.key());
            String text = value == null ? null
                    : value instanceof List<?> list ? String.join(", ", list.stream().map(Object::toString).toList())
                    : field.kind() == CustomFieldKind.USER ? directory.name(UUID.fromString(value.toString())).orElse("?")
                    : value.toString();
            return new ItemDetail.FieldValue(field.key(), field.name(), text);
        }).toList();
    }

    /**
     * The active person a form names by e-mail address, or by name when only one person has it (as the
     * query bar does).
     */
    @Transactional(readOnly = true)
    public Optional<Refs.Person> person(String emailOrName) {
        return emailOrName == null || emailOrName.isBlank() ? Optional.empty() : directory.person(emailOrName);
    }

    @Transactional(readOnly = true)
    public Optional<Refs.Person> person(UUID id) {
        return directory.person(id);
    }

    /** People to suggest in a person picker; requesters may not browse the directory and get none. */
    @Transactional(readOnly = true)
    public List<Refs.Person> peopleStartingWith(WorklaneUser actor, String prefix) {
        if (!actor.isStaff() || prefix == null || prefix.isBlank()) {
            return List.of();
        }
        return directory.peopleStartingWith(prefix, 10);
    }

    @Transactional(readOnly = true)
    public CreateOptions createOptions(WorklaneUser actor) {
        Set<UUID> mine = identity.me(actor).teams().stream().map(t -> t.id().value()).collect(Collectors.toSet());
        var partition = directory.teams().stream()
                .map(t -> new Refs.TeamRef(t.id(), t.key(), t.name()))
                .collect(Collectors.partitioningBy(t -> mine.contains(t.id())));
        List<WorkType> types = work.types(actor).types().stream()
                .filter(type -> ItemAccessPolicy.createRefusal(actor, type).isEmpty())
                .toList();
        return new CreateOptions(partition.get(true), partition.get(false), types, Arrays.asList(Priority.values()));
    }

    @Transactional(readOnly = true)
    public TeamOverview team(WorklaneUser actor, String key) {
        Directory.TeamProfile team = directory.teamProfile(key == null ? "" : key)
                .orElseThrow(() -> ApiProblem.notFound("There is no team " + (key == null ? "" : key.strip()) + "."));
        return new TeamOverview(new Refs.TeamRef(team.id(), team.key(), team.name()), team.description(),
                actor.isStaff() ? directory.members(team.id()) : List.of());
    }
}
