package io.worklane.work.query;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statement for one page: the caller's columns plus each sort expression as {@code sort_0..n}
 * (the last is the id, the tie-break that makes the order total), filtered by access, criteria and
 * the keyset after the cursor, ordered, and limited to one row more than the page so that it is
 * known whether another page follows.
 */
public final class KeysetPage {

    private final SqlFragment statement;
    private final List<Key> keys;
    private final String owner;
    private final int limit;

    private KeysetPage(SqlFragment statement, List<Key> keys, String owner, int limit) {
        this.statement = statement;
        this.keys = keys;
        this.owner = owner;
        this.limit = limit;
    }

    /** One ORDER BY expression as SQL sees it; all are NOT NULL, so the keyset may compare with "=". */
    private record Key(String sql, SortValueType type, boolean descending) {
    }

    /**
     * Ranking by relevance reads every match (a common word matches a tenth of a million-item tenant),
     * so when every result must match the ranked condition, only the newest matches are ranked:
     * relevance among the {@value} most recent that the person may see. (Otherwise nothing is bounded.)
     */
    static final int RANKED_CANDIDATES = 200;

    /** The newest items are walked one by one, newest first; older ones are searched month by month. */
    static final int NEWEST_WALKED = 5000;

    /** The month a creation time falls in, as {@code item_search.created_month} stores it (tenant migration V9). */
    private static final String MONTH_OF = "(extract(year from (%1$s at time zone 'UTC')) * 12"
            + " + extract(month from (%1$s at time zone 'UTC')) - 1)::integer";

    /**
     * The newest {@value #RANKED_CANDIDATES} matches that pass {@code filter}, with their rank (ADR 0014).
     * A walk of the newest {@value #NEWEST_WALKED} items finds a word common among them at once; the
     * rest come month by month, newest month first, each month from the GIN index over (month, words).
     * The LIMIT stops the months as soon as there are enough: a rare word reaches back through every
     * month, cheaply, and a common one stops early. Within the month where the count is reached, the
     * index's order decides.
     */
    private static String rankedCandidates(String tsquery, String filter) {
        String walked = "select item_id, search from item_search order by created_at desc, item_id desc limit " + NEWEST_WALKED;
        // The item is filtered in a subquery of its own, found by its id, so that the planner weighs the
        // filter's own subqueries (a text condition's EXISTS) for that one row, not for the whole table.
        String visible = " cross join lateral (select i.id from work_items i where i.id = s.item_id and " + filter
                + " offset 0) i";
        String newest = "(select i.id, s.search from (" + walked + ") s" + visible + " where s.search @@ " + tsquery + ")";
        String months = "(select m.id, m.search from generate_series("
                + MONTH_OF.formatted("(select max(created_at) from item_search)") + ", "
                + MONTH_OF.formatted("(select min(created_at) from item_search)") + ", -1) as month(n)"
                // OFFSET 0 keeps the lateral a loop over months, which the LIMIT can stop early.
                + " cross join lateral (select i.id, s.search from item_search s" + visible
                + " where s.created_month = month.n and s.search @@ " + tsquery
                // Not "older than the last walked": the planner would answer that from item_search_created_idx.
                + " and s.item_id not in (select w.item_id from (" + walked + ") w) offset 0) m)";
        return " join (select c.id as item_id, ts_rank_cd(c.search, " + tsquery + ") as rank from ("
                + newest + " union all " + months + ") c limit " + RANKED_CANDIDATES + ") ranked on ranked.item_id = i.id";
    }

    static KeysetPage build(ItemListing listing, ResolvedQuery query, String cursor, int limit) {
        SqlParameters params = new SqlParameters("q");
        String criteria = query.criteria().sql(params);
        boolean bounded = query.rankedMatchesRequired()
                && query.order().stream().anyMatch(key -> key.field() == SortField.RELEVANCE);
        String ranked = "";
        if (bounded) {
            // A subquery, so that a generic plan parses the query once, not once for every row it tests.
            String tsquery = "(select to_tsquery('english', " + params.bind(query.rankQuery()) + "))";
            ranked = rankedCandidates(tsquery, "(" + listing.access().sql() + ") and (" + criteria + ")");
        }
        List<Key> keys = keys(query, params, bounded);
        String owner = owner(query);
        StringBuilder sql = new StringBuilder("select ").append(listing.columns());
        for (int k = 0; k < keys.size(); k++) {
            sql.append(", ").append(keys.get(k).sql()).append(" as sort_").append(k);
        }
        sql.append(" from ").append(listing.from()).append(ranked).append(" where ");
        String access = "(" + listing.access().sql() + ") and ";
        String condition = "(" + criteria + ")";
        if (cursor != null) {
            condition += " and " + after(keys, Cursor.decode(cursor, owner, keys.size()), params);
        }
        String order = keys.stream().map(key -> key.sql() + (key.descending() ? " desc" : " asc"))
                .collect(Collectors.joining(", "));
        String tail = " order by " + order + " limit " + params.bind(limit + 1);
        SqlFragment statement = SqlFragment.of(sql + access, listing.access().params())
                .followedBy(new SqlFragment(condition + tail, params.values()));
        return new KeysetPage(statement, keys, owner, limit);
    }

    /** The person's order, then the id in the direction of the last key, so that a (key, id desc) index serves it. */
    private static List<Key> keys(ResolvedQuery query, SqlParameters params, boolean bounded) {
        List<Key> keys = new ArrayList<>();
        String rank = null;
        for (SortKey sortKey : query.order()) {
            String sql = sortKey.field().sql();
            if (sortKey.field() == SortField.RELEVANCE) {
                if (rank == null && bounded) {
                    rank = "ranked.rank";
                } else if (rank == null) {
                    rank = "coalesce((select ts_rank_cd(s.search, to_tsquery('english', " + params.bind(query.rankQuery())
                            + ")) from item_search s where s.item_id = i.id), 0)";
                }
                sql = rank;
            }
            keys.add(new Key(sql, sortKey.field().type(), sortKey.sqlDescending()));
        }
        keys.add(new Key("i.id", SortValueType.UUID, keys.get(keys.size() - 1).descending()));
        return keys;
    }

    /** Binds a cursor to its query and order: a cursor of another query is refused, not misread. */
    private static String owner(ResolvedQuery query) {
        return Integer.toHexString(query.text().hashCode()) + "/"
                + query.order().stream().map(SortKey::toString).collect(Collectors.joining(","));
    }

    /**
     * Rows strictly after the cursor in the ORDER BY. With one direction throughout this is a row
     * comparison, which an index on the same columns answers; mixed directions expand to
     * {@code k0 > c0 or (k0 = c0 and k1 < c1) or ...}.
     */
    private static String after(List<Key> keys, List<String> values, SqlParameters params) {
        List<String> bound = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            Object value;
            try {
                value = keys.get(k).type().parse(values.get(k));
            } catch (RuntimeException e) {
                throw QueryException.badCursor();
            }
            bound.add("cast(" + params.bind(value) + " as " + keys.get(k).type().sqlType() + ")");
        }
        boolean uniform = keys.stream().allMatch(key -> key.descending() == keys.get(0).descending());
        if (uniform) {
            return "(" + keys.stream().map(Key::sql).collect(Collectors.joining(", ")) + ") "
                    + (keys.get(0).descending() ? "<" : ">") + " (" + String.join(", ", bound) + ")";
        }
        List<String> alternatives = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            List<String> terms = new ArrayList<>();
            for (int equal = 0; equal < k; equal++) {
                terms.add(keys.get(equal).sql() + " = " + bound.get(equal));
            }
            terms.add(keys.get(k).sql() + (keys.get(k).descending() ? " < " : " > ") + bound.get(k));
            alternatives.add("(" + String.join(" and ", terms) + ")");
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    /** The statement to run; its rows carry the caller's columns and {@code sort_0..n}. */
    public SqlFragment statement() {
        return statement;
    }

    public int limit() {
        return limit;
    }

    /** The cursor that continues after this row of the statement's result. */
    public String cursorAt(ResultSet row) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            values.add(keys.get(k).type().read(row, "sort_" + k));
        }
        return new Cursor(owner, values).encode();
    }

    /** Runs the statement: at most {@code limit} items, and the cursor of the last one when more follow. */
    public <T> Slice<T> fetch(JdbcClient jdbc, RowMapper<T> rows) {
        record Row<T>(T item, String cursor) {
        }
        List<Row<T>> fetched = jdbc.sql(statement.sql()).params(statement.params())
                .query((row, n) -> new Row<>(rows.mapRow(row, n), cursorAt(row))).list();
        if (fetched.size() <= limit) {
            return new Slice<>(fetched.stream().map(Row::item).toList(), null);
        }
        List<Row<T>> page = fetched.subList(0, limit);
        return new Slice<>(page.stream().map(Row::item).toList(), page.get(limit - 1).cursor());
    }
}
