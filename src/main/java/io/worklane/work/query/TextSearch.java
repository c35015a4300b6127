package io.worklane.work.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words of a text condition, for both outputs. In SQL they become a prefix tsquery over the
 * {@code search} tsvector ({@code disk:*A & full:*A}), which PostgreSQL stems with its english
 * dictionary. In memory, each query word must be a prefix (ignoring case) of some word of the text:
 * an approximation of stemming that agrees for words whose stem is a prefix of the word itself, and
 * a query word longer than its stem ("printing" finds "printer" in SQL) can match less in memory.
 * PostgreSQL's english stop words are dropped on both sides, so "the" neither matches nor fails.
 */
final class TextSearch {

    private static final Set<String> STOP_WORDS = loadStopWords();

    private TextSearch() {
    }

    /** Letters and digits only, lower-case, without stop words: nothing of the tsquery syntax survives. */
    static List<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{Nd}]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .filter(word -> !STOP_WORDS.contains(word))
                .distinct()
                .toList();
    }

    static String tsquery(List<String> words, TextScope scope) {
        return words.stream().map(word -> word + ":*" + scope.weight()).collect(Collectors.joining(" & "));
    }

    static boolean matches(List<String> queryWords, List<String> texts) {
        List<String> textWords = new ArrayList<>();
        for (String text : texts) {
            textWords.addAll(words(text));
        }
        return queryWords.stream().allMatch(word -> textWords.stream().anyMatch(candidate -> candidate.startsWith(word)));
    }

    private static Set<String> loadStopWords() {
        // PostgreSQL's own list (share/tsearch_data/english.stop), so that both sides drop the same words.
        try (InputStream in = TextSearch.class.getResourceAsStream("english.stop")) {
            if (in == null) {
                throw new IllegalStateException("english.stop is missing from the classpath");
            }
            return Set.copyOf(Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+"))
                    .filter(word -> !word.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
