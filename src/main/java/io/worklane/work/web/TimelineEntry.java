package io.worklane.work.web;

import io.worklane.shared.Markdown;
import io.worklane.work.Comment;
import io.worklane.work.Refs.Person;

import java.time.Instant;

/**
 * One line of an item's activity: a recorded change ({@code text} is its sentence after the actor's
 * name) or a comment ({@code comment} set, {@code html} its sanitised Markdown).
 */
record TimelineEntry(Instant at, Person actor, String text, Comment comment, String html, boolean mine) {

    static TimelineEntry change(Instant at, Person actor, String text) {
        return new TimelineEntry(at, actor, text, null, null, false);
    }

    /** A comment; {@code mine} when the reader may edit and delete it (its author, or an admin). */
    static TimelineEntry comment(Comment comment, boolean mine) {
        return new TimelineEntry(comment.createdAt(), comment.author(), null, comment, Markdown.toSafeHtml(comment.body()), mine);
    }
}
