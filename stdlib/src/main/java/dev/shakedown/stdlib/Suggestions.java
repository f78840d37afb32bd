package dev.shakedown.stdlib;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** Finds the known name a misspelt one was probably meant to be ({@code guardan} for {@code guardian}). */
public final class Suggestions {
    private Suggestions() {}

    /** {@code ", did you mean 'guardian'?"} when a known name is close enough, otherwise the empty string. */
    public static String didYouMean(String wrong, Collection<String> known) {
        int allowed = Math.max(1, wrong.length() / 3);
        return known.stream()
                .filter(k -> distance(wrong, k) <= allowed)
                .min(Comparator.comparingInt(k -> distance(wrong, k)))
                .map(k -> ", did you mean '" + k + "'?")
                .orElse("");
    }

    /** Edits between two names, counting a swap of neighbours as one edit (typing mistakes often are). */
    static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) d[i][0] = i;
        for (int j = 0; j <= t.length(); j++) d[0][j] = j;
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                boolean swapped = i > 1 && j > 1
                        && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1);
                if (swapped) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[s.length()][t.length()];
    }
}
