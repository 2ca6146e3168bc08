package org.nianbao.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every label the templates' tables can be recognised by (rows, columns, headings, with the vocabulary's spellings),
 * for cutting text whose cells run together ({@code 信息内容本年制发件数本年废止件数}) into the labels it is made of.
 * Keys are compared in the folded form of {@link LabelKey}.
 */
final class LabelDictionary {

    /** Shorter keys (a single character) would cut words of sentences apart. */
    private static final int MIN_KEY_LENGTH = 2;

    /** The keys by their first character, longest first: the longest label at a position wins. */
    private final Map<Character, List<String>> byFirst = new HashMap<>();

    LabelDictionary(Set<String> keys) {
        for (String key : keys) {
            if (key.length() >= MIN_KEY_LENGTH) {
                byFirst.computeIfAbsent(key.charAt(0), c -> new ArrayList<>()).add(key);
            }
        }
        byFirst.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed()));
    }

    /** The longest key that starts at {@code from} in the folded text, or null. */
    String longestAt(String folded, int from) {
        List<String> candidates = byFirst.get(folded.charAt(from));
        if (candidates == null) {
            return null;
        }
        for (String key : candidates) {
            if (folded.startsWith(key, from)) {
                return key;
            }
        }
        return null;
    }

    boolean contains(String key) {
        List<String> candidates = key.isEmpty() ? null : byFirst.get(key.charAt(0));
        return candidates != null && candidates.contains(key);
    }
}
