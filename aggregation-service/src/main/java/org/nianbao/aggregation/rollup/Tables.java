package org.nianbao.aggregation.rollup;

/**
 * The names of one generation of the state tables. The live generation serves the APIs; a rebuild fills a
 * fresh one ({@code _next}) and then swaps it in.
 */
public record Tables(String rollup, String reportState, String agencyState) {

    public static final Tables LIVE = new Tables("rollup", "report_state", "agency_state");
    public static final Tables NEXT = new Tables("rollup_next", "report_state_next", "agency_state_next");
}
