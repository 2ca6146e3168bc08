package org.nianbao.aggregation.web;

/**
 * An answer that lists one page of a longer list: {@link PageLinks} gives it the {@code Link} header every paged
 * listing of the API has, whatever representation (JSON, CSV, spreadsheet) is asked for.
 */
public interface Paged {

    int page();

    int size();

    /** Items in all pages. */
    long total();
}
