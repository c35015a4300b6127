package io.worklane.work.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of SQL with its NAMED parameters ({@code :q1}), for {@code JdbcClient.sql(..).params(..)} or
 * {@code NamedParameterJdbcTemplate}; collections in {@code in (:q1)} are expanded by Spring. Values are
 * never part of the text.
 */
public record SqlFragment(String sql, Map<String, Object> params) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static SqlFragment of(String sql) {
        return new SqlFragment(sql, Map.of());
    }

    public static SqlFragment of(String sql, Map<String, ?> params) {
        return new SqlFragment(sql, new LinkedHashMap<>(params));
    }

    /** This SQL and then the other's, with both sets of parameters. */
    public SqlFragment followedBy(SqlFragment other) {
        return new SqlFragment(sql + other.sql, merged(other));
    }

    /** Both conditions; parameter names must not clash (a clash is a programming error, not a user's). */
    public SqlFragment and(SqlFragment other) {
        return new SqlFragment("(" + sql + ") and (" + other.sql + ")", merged(other));
    }

    private Map<String, Object> merged(SqlFragment other) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        other.params.forEach((name, value) -> {
            if (all.containsKey(name)) {
                throw new IllegalArgumentException("Parameter :" + name + " is used by both fragments");
            }
            all.put(name, value);
        });
        return all;
    }
}
