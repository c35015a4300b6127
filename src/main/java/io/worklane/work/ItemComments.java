package io.worklane.work;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.TimeOrderedIds;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.WorkItemEvents.CommentAdded;
import io.worklane.work.internal.Comments;
import io.worklane.work.internal.Directory;
import io.worklane.work.internal.History;
import io.worklane.work.internal.History.Change;
import io.worklane.work.internal.ItemRow;
import io.worklane.work.internal.ItemRules;
import io.worklane.work.internal.Items;
import io.worklane.work.internal.Relations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation on an item. Whoever can see an item may comment on it; authors (and admins) edit
 * and delete their comments, and every edit and deletion is kept in the item's history. People
 * @mentioned by e-mail address (or its part before the @, when that names one person) start watching.
 */
@Service
public class ItemComments {

    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\w@.])@([A-Za-z0-9._%+-]+(?:@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)?)");

    private final WorkManagement work;
    private final Comments comments;
    private final Items items;
    private final History history;
    private final Relations relations;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ItemComments(WorkManagement work, Comments comments, Items items, History history, Relations relations,
                 Directory directory, ApplicationEventPublisher events, Clock clock) {
        this.work = work;
        this.comments = comments;
        this.items = items;
        this.history = history;
        this.relations = relations;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Comment> of(WorklaneUser actor, String key) {
        return comments.of(work.get(actor, key).id());
    }

    @Transactional
    public Comment add(WorklaneUser actor, String key, String body) {
        String text = body(body);
        ItemRow row = work.visibleRowForUpdate(actor, key);
        ItemId item = new ItemId(row.id());
        UUID id = TimeOrderedIds.next();
        Instant now = clock.instant();
        comments.insert(id, item, actor.id().value(), text, now);
        Set<UUID> mentioned = mentions(text);
        mentioned.forEach(user -> relations.watch(item, user, now));
        items.touch(item, now);
        history.record(item, now, actor.id().value(), row.version(),
                List.of(new Change("comment_added", "comment", null, id, null, text)));
        events.publishEvent(new CommentAdded(actor.tenantId(), item, row.key(), id, Set.copyOf(mentioned), now, actor.id()));
        return comments.find(id).orElseThrow().comment();
    }

    @Transactional
    public Comment edit(WorklaneUser actor, String key, UUID commentId, String body, Long expectedVersion) {
        String text = body(body);
        Comments.Stored stored = own(actor, key, commentId);
        if (expectedVersion != null && expectedVersion != stored.comment().version()) {
            throw ApiProblem.staleVersion(stored.comment().version());
        }
        Instant now = clock.instant();
        if (!comments.update(commentId, stored.comment().version(), text, now)) {
            throw ApiProblem.staleVersion(stored.comment().version() + 1);
        }
        ItemRow row = items.row(stored.item()).orElseThrow();
        mentions(text).forEach(user -> relations.watch(stored.item(), user, now));
        items.touch(stored.item(), now);
        history.record(stored.item(), now, actor.id().value(), row.version(),
                List.of(new Change("comment_edited", "comment", commentId, commentId, stored.comment().body(), text)));
        return comments.find(commentId).orElseThrow().comment();
    }

    @Transactional
    public void delete(WorklaneUser actor, String key, UUID commentId, Long expectedVersion) {
        Comments.Stored stored = own(actor, key, commentId);
        if (expectedVersion != null && expectedVersion != stored.comment().version()) {
            throw ApiProblem.staleVersion(stored.comment().version());
        }
        Instant now = clock.instant();
        if (!comments.delete(commentId, stored.comment().version(), now)) {
            throw ApiProblem.staleVersion(stored.comment().version() + 1);
        }
        ItemRow row = items.row(stored.item()).orElseThrow();
        items.touch(stored.item(), now);
        history.record(stored.item(), now, actor.id().value(), row.version(),
                List.of(new Change("comment_deleted", "comment", commentId, null, stored.comment().body(), null)));
    }

    /** The comment, when it is on the item named and the actor wrote it (or is an admin). */
    private Comments.Stored own(WorklaneUser actor, String key, UUID commentId) {
        ItemRow row = work.visibleRowForUpdate(actor, key);
        Comments.Stored stored = comments.find(commentId).filter(c -> c.item().value().equals(row.id()))
                .orElseThrow(() -> ApiProblem.notFound("There is no comment " + commentId + " on " + row.key() + "."));
        if (!actor.isAdmin() && !stored.comment().author().id().equals(actor.id().value())) {
            throw ApiProblem.forbidden("Only its author or an admin may change a comment.");
        }
        return stored;
    }

    private static String body(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw ApiProblem.invalidField("body", "must not be empty");
        }
        if (text.length() > ItemRules.MAX_TEXT) {
            throw ApiProblem.invalidField("body", "must be at most " + ItemRules.MAX_TEXT + " characters");
        }
        return text;
    }

    private Set<UUID> mentions(String text) {
        Set<UUID> found = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find() && found.size() < 50) {
            directory.mentioned(m.group(1)).ifPresent(found::add);
        }
        return found;
    }
}
