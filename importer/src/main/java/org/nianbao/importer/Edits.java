package org.nianbao.importer;

/** The edit (Levenshtein) distance between two short labels, computed only up to a bound. */
final class Edits {

    private Edits() {
    }

    /** The number of characters to insert, delete or replace to turn {@code a} into {@code b}, or {@code bound} if more. */
    static int distance(String a, String b, int bound) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j] + 1, current[j - 1] + 1));
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= bound) {
                return bound;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], bound);
    }
}
