package org.nianbao.model.template;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Report years a template is meant for; a null bound is open. */
public record YearRange(Integer from, Integer to) {

    public boolean contains(int year) {
        return (from == null || year >= from) && (to == null || year <= to);
    }

    /** For messages, e.g. "2019–2020", "2021 onward", "up to 2018". */
    @JsonIgnore
    public String describe() {
        if (from == null && to == null) return "any year";
        if (from == null) return "up to " + to;
        if (to == null) return from + " onward";
        return from.equals(to) ? String.valueOf(from) : from + "–" + to;
    }
}
