package org.nianbao.report.agency;

import java.util.List;
import org.nianbao.model.validation.Problem;

/**
 * The bounds of a listing's page: 1 to {@value #MAX_SIZE} items, a page number from 0, and a first item that a database
 * offset can hold (page × size computed in int overflowed into a negative offset and a 500).
 */
public final class Paging {

    public static final int MAX_SIZE = 1000;

    private Paging() {
    }

    /** Adds a problem naming {@code page} or {@code size} for each that is out of bounds. */
    public static void check(int page, int size, List<Problem> problems) {
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new Problem("size", "OUT_OF_RANGE", null, "1 ≤ size ≤ " + MAX_SIZE, size));
        } else if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
            problems.add(new Problem("page", "OUT_OF_RANGE", null, "0 ≤ page ≤ " + Integer.MAX_VALUE / size
                    + " with size " + size, page));
        }
    }
}
