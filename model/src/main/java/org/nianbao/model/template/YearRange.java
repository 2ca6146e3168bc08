package org.nianbao.model.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Report years a template is meant for; a null bound is open. */
@Schema(description = "Report years a template is meant for")
public record YearRange(@Schema(nullable = true, description = "First report year the template is meant for (null: open)", example = "2021") Integer from, @Schema(nullable = true, description = "Last report year (null: open-ended)") Integer to) {

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
