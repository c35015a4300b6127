package io.worklane.work.query;

import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A query (field {@code q}) or a paging cursor (field {@code cursor}) that cannot be used, with a
 * sentence that says what is wrong and where. It is an {@link ApiProblem}, so an API answers it as a
 * 400 problem naming the field without any mapping of its own.
 */
public class QueryException extends ApiProblem {

    public static final String QUERY_FIELD = "q";
    public static final String CURSOR_FIELD = "cursor";

    private final int position;
    private final String field;

    QueryException(String field, String message, int position) {
        super(HttpStatus.BAD_REQUEST, "invalid-" + (QUERY_FIELD.equals(field) ? "query" : field),
                QUERY_FIELD.equals(field) ? "Invalid query" : "Invalid cursor", message,
                List.of(new FieldError(field, message)));
        this.field = field;
        this.position = position;
        if (position >= 0) {
            with("position", position);
        }
    }

    static QueryException at(int position, String message) {
        return new QueryException(QUERY_FIELD, message, position);
    }

    static QueryException badCursor() {
        return new QueryException(CURSOR_FIELD,
                "This cursor does not belong to this query or was changed; start again from the first page", -1);
    }

    /** The 0-based character offset in the query the message points at; -1 for a cursor. */
    public int position() {
        return position;
    }

    /** The request field that was wrong: {@value #QUERY_FIELD} or {@value #CURSOR_FIELD}. */
    public String field() {
        return field;
    }
}
