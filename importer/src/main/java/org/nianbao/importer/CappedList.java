package org.nianbao.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list of diagnostics that keeps the first entries and counts the others, so that the answer to an import stays
 * small however many numbers a hostile or broken document holds.
 */
final class CappedList<T> {

    private final int capacity;
    private final List<T> items = new ArrayList<>();
    private int leftOut;

    CappedList(int capacity) {
        this.capacity = capacity;
    }

    void add(T item) {
        if (items.size() < capacity) {
            items.add(item);
        } else {
            leftOut++;
        }
    }

    void addAll(Collection<? extends T> more) {
        more.forEach(this::add);
    }

    void addAll(CappedList<? extends T> more) {
        more.items.forEach(this::add);
        leftOut += more.leftOut;
    }

    /** Counts entries that were dropped before they reached the list. */
    void skipped(int count) {
        leftOut += count;
    }

    boolean isEmpty() {
        return items.isEmpty() && leftOut == 0;
    }

    int total() {
        return items.size() + leftOut;
    }

    List<T> items() {
        return items;
    }

    int leftOut() {
        return leftOut;
    }
}
