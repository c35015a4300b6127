package io.worklane.work.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.Block;
import io.worklane.work.BlockRequest;
import io.worklane.work.ItemBlocks;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Blocked work over the API: flag an item blocked (with a reason and whom it waits on), unblock it. */
@RestController
@RequestMapping(path = "/t/{tenant}/api/v1/items/{key}/block", produces = "application/json")
@Tag(name = "Work items")
class ItemBlocksApi {

    private final ItemBlocks blocks;

    ItemBlocksApi(ItemBlocks blocks) {
        this.blocks = blocks;
    }

    @GetMapping
    @Operation(summary = "Why the item is blocked (404 when it is not)")
    Block current(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        return blocks.current(actor, key).orElseThrow(() ->
                ApiProblem.notFound(key.strip().toUpperCase() + " is not blocked."));
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Flag the item blocked: a reason, optionally waitingOn (a person's id) and waitingOnTeam (a key)")
    Block block(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key, @RequestBody BlockRequest request) {
        return blocks.block(actor, key, request);
    }

    @DeleteMapping
    @Operation(summary = "Unblock the item (blocked time ends now)")
    ResponseEntity<Void> unblock(@AuthenticationPrincipal WorklaneUser actor, @PathVariable String key) {
        blocks.unblock(actor, key);
        return ResponseEntity.noContent().build();
    }
}
