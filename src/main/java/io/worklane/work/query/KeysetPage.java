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
     * relevance among the {@value} most recently created. (Otherwise nothing is bounded.)
     */
    static final int RANKED_CANDIDATES = 200;

    static KeysetPage build(ItemListing listing, ResolvedQuery query, String cursor, int limit) {
        SqlParameters params = new SqlParameters("q");
        String criteria = query.criteria().sql(params);
        boolean bounded = query.rankedMatchesRequired()
                && query.order().stream().anyMatch(key -> key.field() == SortField.RELEVANCE);
        String ranked = "";
        if (bounded) {
            String tsquery = "to_tsquery('english', " + params.bind(query.rankQuery()) + ")";
            ranked = " join (select s.item_id, ts_rank_cd(s.search, " + tsquery + ") as rank from item_search s"
                    + " where s.search @@ " + tsquery + " order by s.created_at desc, s.item_id desc limit "
                    + RANKED_CANDIDATES + ") ranked on ranked.item_id = i.id";
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
