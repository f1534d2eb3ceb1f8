package com.filemailbatch.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a mistyped command or option most likely meant. picocli suggests by shared letter pairs, which misses the
 * commonest typos (two letters swapped: {@code rnu} shares no pair with {@code run}) and lists names that merely share
 * a pair ({@code dashbord}: dashboard, show, worker). Here the names one or two edits away come first (an edit: a
 * letter added, dropped, changed, or two neighbours swapped; one edit for names of up to five letters; short options
 * are left out), closest first; only when none is that close do picocli's suggestions stand.
 */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * @param typed   the argument as given ({@code --name=value} is compared by its name)
     * @param names   the commands, or the options, that were possible there
     * @param picocli picocli's own suggestions
     */
    static List<String> forTypo(String typed, Collection<String> names, List<String> picocli) {
        if (typed.isEmpty()) {
            return picocli;
        }
        String word = key(typed.contains("=") && typed.startsWith("-") ? typed.substring(0, typed.indexOf('='))
                : typed);
        // Words whose lengths differ by more than the edits allowed are never compared: an argument may be huge.
        List<String> close = names.stream()
                .filter(name -> key(name).length() >= 3
                        && Math.abs(word.length() - key(name).length()) <= allowed(key(name))
                        && distance(word, key(name)) <= allowed(key(name)))
                .distinct()
                .sorted(Comparator.comparingInt(name -> distance(word, key(name))))
                .toList();
        return close.isEmpty() ? picocli : close;
    }

    private static String key(String name) {
        return name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    }

    private static int allowed(String name) {
        return name.length() <= 5 ? 1 : 2;
    }

    /** Edits between two words: insertions, deletions, substitutions and swaps of neighbours (optimal alignment). */
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
