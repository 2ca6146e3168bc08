package org.nianbao.aggregation.query;

import java.util.List;

/** One page of a listing: {@code size} items from item {@code page × size} (both checked by {@link QueryParams#page}). */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 100;

    /** This page's items of {@code all}; empty past the end. */
    public <T> List<T> of(List<T> all) {
        long first = (long) page * size;
        if (first >= all.size()) {
            return List.of();
        }
        return all.subList((int) first, (int) Math.min(all.size(), first + size));
    }
}
