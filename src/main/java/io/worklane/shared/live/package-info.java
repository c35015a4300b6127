/**
 * Live updates: a change announced on one node reaches every subscriber on every node sharing the
 * database (PostgreSQL LISTEN/NOTIFY), and browsers through server-sent events. See ADR 0010.
 */
package io.worklane.shared.live;
