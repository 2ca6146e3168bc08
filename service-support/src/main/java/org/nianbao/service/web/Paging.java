package org.nianbao.service.web;

import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.model.validation.Problem;

/**
 * The bounds of a listing's page: 1 to {@value #MAX_SIZE} items, a page number from 0, and a first item that a database
 * offset can hold (page × size computed in int overflowed into a negative offset and a 500). Every paged list answers
 * the same way: its items with {@code page}, {@code size} and {@code total} in the body, and a {@code Link} header
 * (RFC 8288) to the first, previous, next and last pages.
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

    /**
     * The {@code Link} header of page {@code page} of a listing of {@code total} items answered at {@code request}: the same
     * query with another page, as references relative to the request (so they hold behind the gateway too).
     */
    public static String links(URI request, int page, int size, long total) {
        long last = total == 0 ? 0 : (total - 1) / size;
        List<String> links = new ArrayList<>();
        links.add(link(request, 0, size, "first"));
        if (page > 0) {
            links.add(link(request, (int) Math.min(page - 1L, last), size, "prev"));
        }
        if (page < last) {
            links.add(link(request, page + 1, size, "next"));
        }
        links.add(link(request, (int) last, size, "last"));
        return String.join(", ", links);
    }

    private static String link(URI request, int page, int size, String rel) {
        URI target = UriBuilder.fromUri(request).replaceQueryParam("page", page).replaceQueryParam("size", size).build();
        return "<" + target.getRawPath() + "?" + target.getRawQuery() + ">; rel=\"" + rel + "\"";
    }
}
