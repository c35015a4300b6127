/**
 * Finding work: the item query language ({@code status = Done AND assignee = currentUser()}) and the one
 * criteria model it resolves to, which compiles to a parameterised SQL predicate and also answers
 * {@code matches(item)} in memory, so that lists, boards, SLAs and notifications agree on what a filter means.
 */
@NamedInterface("query")
package io.worklane.work.query;

import org.springframework.modulith.NamedInterface;
