package io.worklane.work.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean": the closest known name within a small edit distance, ignoring case. */
final class Suggestions {

    private Suggestions() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        String lower = typed.toLowerCase();
        // Two edits catch most typos and swapped letters without suggesting unrelated short names.
        int allowed = Math.min(2, Math.max(1, lower.length() / 3));
        return known.stream()
                .filter(name -> distance(lower, name.toLowerCase()) <= allowed)
                .min(Comparator.comparingInt(name -> distance(lower, name.toLowerCase())));
    }

    static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(name -> "; did you mean \"" + name + "\"?").orElse("");
    }

    /** Optimal string alignment distance: Levenshtein plus transposition of neighbours ("stauts"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
