package io.worklane.work.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.tartarus.snowball.ext.EnglishStemmer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of a text condition, for both outputs. In SQL they become a tsquery over the
 * {@code search} tsvector ({@code disk:A & full:A}), which PostgreSQL stems with its english
 * configuration: Snowball's English stemmer for words of letters, none for words with digits. In
 * memory, each query word's stem must equal the stem of some word of the text, stemmed by the same
 * Snowball stemmer, so both outputs agree ("printing" finds "printed", not "printer"). A query word
 * ending in {@code *} is a prefix: its stem begins some stem of the text ("print*" finds "printer").
 * PostgreSQL's english stop words are dropped on both sides, so "the" neither matches nor fails.
 * Exact words, not prefixes, by default: the GIN index finds an exact word by its posting list, while
 * a prefix must first gather every match of every word it begins (ADR 0014).
 */
final class TextSearch {

    private static final Set<String> STOP_WORDS = loadStopWords();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");
    private static final Pattern TERM = Pattern.compile("([\\p{L}\\p{Nd}]+)(\\*?)");
    private static final String PREFIX = "*";
    /** Snowball's stemmers keep state between calls: one per thread. */
    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    private TextSearch() {
    }

    /** The words of a query, lower-case, without stop words, each ending in {@code *} when it is a prefix. */
    static List<String> words(String query) {
        List<String> terms = new ArrayList<>();
        Matcher term = TERM.matcher(query);
        while (term.find()) {
            String word = term.group(1).toLowerCase(Locale.ROOT);
            if (!STOP_WORDS.contains(word) && !terms.contains(word + term.group(2))) {
                terms.add(word + term.group(2));
            }
        }
        return List.copyOf(terms);
    }

    static String tsquery(List<String> words, TextScope scope) {
        return words.stream().map(word -> word.endsWith(PREFIX)
                        ? word.substring(0, word.length() - 1) + ":*" + scope.weight()
                        : word + (scope.weight().isEmpty() ? "" : ":" + scope.weight()))
                .collect(Collectors.joining(" & "));
    }

    static boolean matches(List<String> queryWords, List<String> texts) {
        Set<String> stems = new HashSet<>();
        for (String text : texts) {
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                String lower = word.group().toLowerCase(Locale.ROOT);
                if (!STOP_WORDS.contains(lower)) {
                    stems.add(stem(lower));
                }
            }
        }
        return queryWords.stream().allMatch(word -> word.endsWith(PREFIX)
                ? stems.stream().anyMatch(candidate -> candidate.startsWith(stem(word.substring(0, word.length() - 1))))
                : stems.contains(stem(word)));
    }

    /** As PostgreSQL's english configuration: words with a digit ("srv0421", "e4711") are kept whole. */
    static String stem(String word) {
        if (word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        EnglishStemmer stemmer = STEMMER.get();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
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
