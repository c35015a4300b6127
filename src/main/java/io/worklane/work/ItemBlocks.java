package io.worklane.work;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.WorkItemEvents.WorkItemBlocked;
import io.worklane.work.WorkItemEvents.WorkItemUnblocked;
import io.worklane.work.internal.Blocks;
import io.worklane.work.internal.Directory;
import io.worklane.work.internal.History;
import io.worklane.work.internal.History.Change;
import io.worklane.work.internal.ItemRow;
import io.worklane.work.internal.ItemRules;
import io.worklane.work.internal.RecentItems;
import io.worklane.work.internal.ItemRules.Errors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Blocked work: an item flagged as unable to move until something or someone else acts. The block
 * names a reason and optionally who it waits on; the time between block and unblock is blocked time.
 * Only people who may change the item may (un)block it; both are recorded in its history.
 */
@Service
public class ItemBlocks {

    private static final int MAX_REASON = 500;

    private final WorkManagement work;
    private final Blocks blocks;
    private final History history;
    private final Directory directory;
    private final ItemRules rules;
    private final RecentItems recent;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ItemBlocks(WorkManagement work, Blocks blocks, History history, Directory directory, ItemRules rules,
               RecentItems recent, ApplicationEventPublisher events, Clock clock) {
        this.recent = recent;
        this.work = work;
        this.blocks = blocks;
        this.history = history;
        this.directory = directory;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Block> current(WorklaneUser actor, String key) {
        return blocks.open(work.get(actor, key).id().value());
    }

    @Transactional
    public Block block(WorklaneUser actor, String key, BlockRequest request) {
        ItemRow row = work.writable(actor, key, null);
        Errors errors = new Errors();
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            errors.add("reason", "must say why the work cannot go on, in 1 to " + MAX_REASON + " characters");
        }
        UUID waitingOn = request == null ? null : rules.person("waitingOn", request.waitingOn(), errors);
        UUID team = null;
        if (request != null && request.waitingOnTeam() != null && !request.waitingOnTeam().isBlank()) {
            team = directory.team(request.waitingOnTeam()).map(Directory.TeamRow::id).orElse(null);
            if (team == null) {
                errors.add("waitingOnTeam", "there is no team with the key " + request.waitingOnTeam().strip());
            }
        }
        errors.throwIfAny();
        if (blocks.open(row.id()).isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "already-blocked", "Already blocked",
                    row.key() + " is already blocked; unblock it first to give a new reason.",
                    List.of(new io.worklane.shared.web.FieldError("reason", "the item is already blocked")));
        }
        Instant now = clock.instant();
        blocks.block(row.id(), reason, waitingOn, team, now, actor.id().value());
        history.record(new ItemId(row.id()), now, actor.id().value(), row.version(),
                List.of(new Change("blocked", "blocked", null, reason, null, reason)));
        recent.changed(actor.tenantId(), row.key());
        events.publishEvent(new WorkItemBlocked(actor.tenantId(), new ItemId(row.id()), row.key(), reason, waitingOn,
                team, now, actor.id()));
        return blocks.open(row.id()).orElseThrow();
    }

    /** Unblocks the item; unblocking an item that is not blocked changes nothing. */
    @Transactional
    public void unblock(WorklaneUser actor, String key) {
        ItemRow row = work.writable(actor, key, null);
        Instant now = clock.instant();
        Optional<Instant> since = blocks.unblock(row.id(), now, actor.id().value());
        if (since.isEmpty()) {
            return;
        }
        history.record(new ItemId(row.id()), now, actor.id().value(), row.version(),
                List.of(new Change("unblocked", "blocked", null, null, null, null)));
        recent.changed(actor.tenantId(), row.key());
        events.publishEvent(new WorkItemUnblocked(actor.tenantId(), new ItemId(row.id()), row.key(), since.get(), now,
                actor.id()));
    }
}
