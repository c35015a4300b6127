/**
 * Approvals: one engine for whatever needs a yes before it goes on (a catalog request now, a change
 * later). A policy says who decides: no one (pre-authorised), rules that approve by themselves (a cost
 * under a threshold, a quota per requester or team a month), the requester's manager, a team or named
 * people with a quorum (any, all, N of them), in stages one after another; with reminders and a timeout
 * that escalates or decides. Approvers decide on a page, by API, or by a signed link that works once,
 * for that person and that decision; delegates decide while someone is away. Every step is recorded.
 */
@ApplicationModule(displayName = "Approvals")
package io.worklane.approval;

import org.springframework.modulith.ApplicationModule;
