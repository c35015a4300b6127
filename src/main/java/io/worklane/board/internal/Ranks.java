package io.worklane.board.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes card ranks (the order within a column); reading them is part of {@link Cards}. */
@Repository
public class Ranks {

    /** The room left between two neighbours when cards are spread out again. */
    static final long SPREAD = 1L << 20;

    public static long spread() {
        return SPREAD;
    }

    private final JdbcClient jdbc;

    Ranks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void set(UUID item, long rank) {
        jdbc.sql("""
                        insert into card_ranks (item_id, rank) values (?, ?)
                        on conflict (item_id) do update set rank = excluded.rank""")
                .params(item, rank).update();
    }

    /**
     * Makes room below {@code from}: every listed item whose rank is at least {@code from} moves down by
     * {@link #SPREAD}. Needed only when two neighbours' ranks are adjacent, which takes about twenty
     * moves into the same gap.
     */
    public void makeRoom(List<UUID> items, long from) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into card_ranks (item_id, rank)
                        select i.id, %s + :spread from work_items i left join card_ranks r on r.item_id = i.id
                        where i.id in (:items) and %s >= :from
                        on conflict (item_id) do update set rank = excluded.rank""".formatted(Cards.RANK, Cards.RANK))
                .params(Map.of("items", items, "from", from, "spread", SPREAD)).update();
    }
}
