/**
 * Boards: Kanban boards that make work visible and control its flow — columns of statuses with WIP
 * limits that hold, swimlanes, blocked work, and card moves that go through the workflow.
 */
@ApplicationModule(displayName = "Boards")
package io.worklane.board;

import org.springframework.modulith.ApplicationModule;
