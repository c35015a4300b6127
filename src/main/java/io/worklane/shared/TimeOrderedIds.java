package io.worklane.shared;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.util.UUID;

/**
 * Ids for rows written often (work items, comments): UUIDv7 (RFC 9562), whose leading bits are the
 * time of creation. Rows made one after another get neighbouring ids, so a new row lands beside the
 * last one in every index keyed by its id, instead of on a random page of a large index: fewer pages
 * read, dirtied and written whole to the WAL after each checkpoint (docs/benchmarks.md, "Writes").
 * The time of creation can be read from the id; these ids are internal (people use keys like OPS-42).
 */
public final class TimeOrderedIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
