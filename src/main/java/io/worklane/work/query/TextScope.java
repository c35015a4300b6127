package io.worklane.work.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a text condition searches, and the weight of that part in {@code work_items.search}: title A,
 * description B, comments C; {@code text} searches all of them.
 */
public enum TextScope {
    TITLE("A"), DESCRIPTION("B"), COMMENT("C"), ANY("");

    private final String weight;

    TextScope(String weight) {
        this.weight = weight;
    }

    String weight() {
        return weight;
    }

    List<String> texts(ItemFacts item) {
        return switch (this) {
            case TITLE -> List.of(nullToEmpty(item.title()));
            case DESCRIPTION -> List.of(nullToEmpty(item.description()));
            case COMMENT -> item.comments();
            case ANY -> {
                List<String> all = new ArrayList<>();
                all.add(nullToEmpty(item.title()));
                all.add(nullToEmpty(item.description()));
                all.addAll(item.comments());
                yield all;
            }
        };
    }

    static TextScope of(Field field) {
        return switch (field) {
            case TITLE -> TITLE;
            case DESCRIPTION -> DESCRIPTION;
            case COMMENT -> COMMENT;
            case TEXT -> ANY;
            default -> throw new IllegalArgumentException(field + " is not searched as text");
        };
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
