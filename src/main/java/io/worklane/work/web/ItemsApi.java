package io.worklane.work.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.Versions;
import io.worklane.work.Comment;
import io.worklane.work.HistoryEntry;
import io.worklane.work.ItemChanges;
import io.worklane.work.ItemComments;
import io.worklane.work.ItemPage;
import io.worklane.work.SavedFilterManagement;
import io.worklane.work.WorkSearch;
import io.worklane.work.NewItem;
import io.worklane.work.Refs;
import io.worklane.work.WorkItem;
import io.worklane.work.WorkManagement;
import io.worklane.work.WorkManagement.Created;
import io.worklane.work.WorkManagement.TransitionOption;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The tenant API for work items: create, read, change, transition, comment, watch, link, history. */
@RestController
@RequestMapping(path = "/t/{tenant}/api/v1/items", produces = "application/json")
@Tag(name = "Work items", description = "Work items of the four kinds of work, their workflow, comments and history")
class ItemsApi {

    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final WorkManagement work;
    private final ItemComments comments;
    private final WorkSearch search;
    private final SavedFilterManagement filters;
    private final JsonMapper json;

    ItemsApi(WorkManagement work, ItemComments comments, WorkSearch search, SavedFilterManagement filters,
             JsonMapper json) {
        this.work = work;
        this.comments = comments;
        this.search = search;
        this.filters = filters;
        this.json = json;
    }

    record TransitionRequest(String to) {
    }

    record CommentRequest(String body) {
    }

    record LinkRequest(String kind, String item) {
    }

    @GetMapping
    @Operation(summary = "Items matching a query (q) or a saved filter, a page at a time; follow nextCursor")
    ItemPage list(@AuthenticationPrincipal WorklaneUser actor, @RequestParam(required = false) String q,
                  @RequestParam(required = false) UUID filter, @RequestParam(required = false) String cursor,
                  @RequestParam(required = false) Integer limit) {
        String query = filter == null ? q : filters.get(actor, filter).query();
        return search.find(actor, query, cursor, limit);
    }

    @PostMapping(consumes = JSON)
    @Operation(summary = "Create an item; send an Idempotency-Key to make retries safe")
    ResponseEntity<WorkItem> create(@AuthenticationPrincipal WorklaneUser actor, @RequestBody NewItem order,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        Created created = work.create(actor, order, idempotencyKey);
        WorkItem item = created.item();
        return ResponseEntity.status(HttpStatus.CREATED).location(location(actor, item.key()))
                .eTag(Versions.etag(item.version()))
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .body(item);
    }

    @GetMapping("/{key}")
    @Operation(summary = "One item by its key, such as OPS-42")
    ResponseEntity<WorkItem> get(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return withEtag(work.get(actor, key));
    }

    @PatchMapping(path = "/{key}", consumes = {JSON, MERGE_PATCH})
    @Operation(summary = "Change fields (JSON merge patch: null clears); send If-Match to refuse a stale change")
    ResponseEntity<WorkItem> update(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                    @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                                    @io.swagger.v3.oas.annotations.media.Content(schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(implementation = ItemChanges.class)))
                                    @RequestBody JsonNode changes,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(work.update(actor, key, ItemPatch.read(changes, json), Versions.ifMatch(ifMatch)));
    }

    @GetMapping("/{key}/transitions")
    @Operation(summary = "The transitions the caller may take now")
    List<TransitionOption> transitions(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return work.transitions(actor, key);
    }

    @PostMapping(path = "/{key}/transitions", consumes = JSON)
    @Operation(summary = "Move the item to another status of its workflow")
    ResponseEntity<WorkItem> transition(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                        @RequestBody TransitionRequest request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(work.transition(actor, key, request.to(), Versions.ifMatch(ifMatch)));
    }

    @GetMapping("/{key}/history")
    @Operation(summary = "Every recorded change of the item, oldest first")
    List<HistoryEntry> history(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return work.history(actor, key);
    }

    @GetMapping("/{key}/children")
    @Operation(summary = "The items whose parent this item is")
    List<Refs.ItemRef> children(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return work.children(actor, key);
    }

    @GetMapping("/{key}/comments")
    @Operation(summary = "The comments on the item, oldest first")
    List<Comment> comments(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return comments.of(actor, key);
    }

    @PostMapping(path = "/{key}/comments", consumes = JSON)
    @Operation(summary = "Comment (Markdown; @mention people by e-mail address)")
    ResponseEntity<Comment> comment(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                    @RequestBody CommentRequest request) {
        Comment comment = comments.add(actor, key, request.body());
        return ResponseEntity.created(URI.create(location(actor, key) + "/comments/" + comment.id()))
                .eTag(Versions.etag(comment.version())).body(comment);
    }

    @PatchMapping(path = "/{key}/comments/{id}", consumes = JSON)
    @Operation(summary = "Edit one's comment; send If-Match")
    ResponseEntity<Comment> editComment(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                        @PathVariable UUID id, @RequestBody CommentRequest request,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Comment comment = comments.edit(actor, key, id, request.body(), Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(comment.version())).body(comment);
    }

    @DeleteMapping("/{key}/comments/{id}")
    @Operation(summary = "Delete one's comment (its history stays)")
    ResponseEntity<Void> deleteComment(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                       @PathVariable UUID id,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        comments.delete(actor, key, id, Versions.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{key}/watchers/{user}")
    @Operation(summary = "Start watching (oneself, or someone else with edit rights)")
    ResponseEntity<WorkItem> watch(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                   @PathVariable UUID user) {
        return withEtag(work.watch(actor, key, user));
    }

    @DeleteMapping("/{key}/watchers/{user}")
    @Operation(summary = "Stop watching")
    ResponseEntity<WorkItem> unwatch(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                     @PathVariable UUID user) {
        return withEtag(work.unwatch(actor, key, user));
    }

    @PostMapping(path = "/{key}/links", consumes = JSON)
    @Operation(summary = "Link to another item: blocks, is_blocked_by, relates, duplicates, is_duplicated_by")
    ResponseEntity<WorkItem> link(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                  @RequestBody LinkRequest request) {
        return withEtag(work.link(actor, key, request.kind(), request.item()));
    }

    @DeleteMapping("/{key}/links/{kind}/{other}")
    @Operation(summary = "Remove a link")
    ResponseEntity<WorkItem> unlink(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key,
                                    @PathVariable String kind, @PathVariable String other) {
        return withEtag(work.unlink(actor, key, kind, other));
    }

    private static ResponseEntity<WorkItem> withEtag(WorkItem item) {
        return ResponseEntity.ok().eTag(Versions.etag(item.version())).body(item);
    }

    private static URI location(WorklaneUser actor, String key) {
        return URI.create("/t/" + actor.tenantSlug() + "/api/v1/items/" + key);
    }
}
