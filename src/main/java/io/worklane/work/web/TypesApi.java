package io.worklane.work.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.Versions;
import io.worklane.work.CustomFieldChanges;
import io.worklane.work.NewCustomField;
import io.worklane.work.NewWorkType;
import io.worklane.work.TypeDetails;
import io.worklane.work.WorkTypeChanges;
import io.worklane.work.WorkTypeManagement;
import io.worklane.work.Workflow;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The tenant API for types of work, their workflows and custom fields. Reads for everyone, changes for admins. */
@RestController
@RequestMapping(path = "/t/{tenant}/api/v1/types", produces = "application/json")
@Tag(name = "Types and workflows", description = "Types of work, their category, workflow (statuses and transitions) "
        + "and custom fields. Every change moves the type's version (its ETag); send it as If-Match to refuse a "
        + "change to a type someone else changed meanwhile (409).")
class TypesApi {

    private static final String JSON = "application/json";

    private final WorkTypeManagement types;

    TypesApi(WorkTypeManagement types) {
        this.types = types;
    }

    @GetMapping
    @Operation(summary = "The types of work, with their workflows and fields (requesters: only the types they may raise)")
    List<TypeDetails> list(@AuthenticationPrincipal WorklaneUser actor) {
        return types.types(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One type, with its workflow and fields; the ETag is its version")
    ResponseEntity<TypeDetails> get(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        return withEtag(types.type(actor, id));
    }

    @PostMapping(consumes = JSON)
    @Operation(summary = "Add a type (admins); it starts with the workflow To do → In progress → Done",
            description = "category: business_project, internal_project, change or unplanned. requestable: whether "
                    + "requesters may raise items of this type themselves.")
    ResponseEntity<TypeDetails> create(@AuthenticationPrincipal WorklaneUser actor, @RequestBody NewWorkType order) {
        TypeDetails type = types.create(actor, order);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/t/" + actor.tenantSlug() + "/api/v1/types/" + type.id()))
                .eTag(Versions.etag(type.version())).body(type);
    }

    @PatchMapping(path = "/{id}", consumes = JSON)
    @Operation(summary = "Change a type's name, description, category or requestable flag (admins); send If-Match",
            description = "Absent members stay as they are. Changing the category moves the type's items to it too.")
    ResponseEntity<TypeDetails> update(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                       @RequestBody WorkTypeChanges changes,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(types.update(actor, id, changes, Versions.ifMatch(ifMatch)));
    }

    @PutMapping(path = "/{id}/workflow", consumes = JSON)
    @Operation(summary = "Replace a type's workflow as a whole (admins); send If-Match with the type's ETag",
            description = "Statuses in order, each with name, phase (todo, in_progress, done), flow (waiting, active) "
                    + "and initial; exactly one initial, at least one done, names unique whatever their case. Send an "
                    + "existing status with its id to keep (or rename) it; a status left out is removed, which is "
                    + "refused (409 status-in-use) while items are in it. Transitions name their from and to statuses "
                    + "by name; roles (admin, agent, requester) restrict who may take one, none means anyone who may "
                    + "change the item; a transition without a name is named after its target status.")
    ResponseEntity<TypeDetails> replaceWorkflow(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                                @RequestBody Workflow workflow,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(types.replaceWorkflow(actor, id, workflow, Versions.ifMatch(ifMatch)));
    }

    @PostMapping(path = "/{id}/fields", consumes = JSON)
    @Operation(summary = "Add a custom field to a type (admins)",
            description = "key: ^[a-z][a-z0-9_]{0,39}$, the name under which items hold the value in 'fields'. kind: "
                    + "text, number, date, select, multiselect or user. options: required, non-empty and unique for "
                    + "select and multiselect, refused for the other kinds. required: items of the type must hold a "
                    + "value when created or when their fields change.")
    ResponseEntity<TypeDetails> addField(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                         @RequestBody NewCustomField field,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TypeDetails type = types.addField(actor, id, field, Versions.ifMatch(ifMatch));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(type.version())).body(type);
    }

    @PatchMapping(path = "/{id}/fields/{key}", consumes = JSON)
    @Operation(summary = "Rename a custom field, change its options or whether it is required (admins)",
            description = "The key and kind are fixed. Values stored before an option was removed stay as they are.")
    ResponseEntity<TypeDetails> updateField(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                            @PathVariable String key, @RequestBody CustomFieldChanges changes,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(types.updateField(actor, id, key, changes, Versions.ifMatch(ifMatch)));
    }

    @DeleteMapping("/{id}/fields/{key}")
    @Operation(summary = "Remove a custom field from a type (admins)",
            description = "Values that items hold under the field's key are not deleted, but they are no longer read, "
                    + "validated or shown. Adding a field with the same key later makes them visible again.")
    ResponseEntity<TypeDetails> removeField(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                            @PathVariable String key,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(types.removeField(actor, id, key, Versions.ifMatch(ifMatch)));
    }

    private static ResponseEntity<TypeDetails> withEtag(TypeDetails type) {
        return ResponseEntity.ok().eTag(Versions.etag(type.version())).body(type);
    }
}
