package org.nianbao.importer.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The import endpoint's answer to one document: its ImportOutcome (template, agencyName and year read from the
 * title, the registered agencyId, diagnostics, rule warnings, and with submit=true the stored version), or the
 * Problem Details of a refusal; or, when no answer came, why.
 *
 * @param status  the HTTP status (0 without an answer)
 * @param json    the answer's JSON, or null
 * @param body    the answer as text, or null
 * @param failure why there is no answer, or null
 */
record ImportAnswer(int status, JsonNode json, String body, String failure) {

    private static final int MAX_ERRORS_SHOWN = 3;

    static ImportAnswer noAnswer(String failure) {
        return new ImportAnswer(0, null, null, failure);
    }

    boolean accepted() {
        return failure == null && status / 100 == 2;
    }

    /** The agency name the title gives (or the agencyName hint, when the title gives none). */
    String agencyName() {
        return text(json == null ? null : json.get("agencyName"));
    }

    String agencyId() {
        return text(json == null ? null : json.get("agencyId"));
    }

    Integer year() {
        JsonNode year = json == null ? null : json.get("year");
        return year != null && year.canConvertToInt() ? year.asInt() : null;
    }

    String template() {
        return text(json == null ? null : json.get("template"));
    }

    /** The stored version's region (from the agency registry), or null when nothing was stored. */
    String regionCode() {
        return text(json == null ? null : json.at("/stored/regionCode"));
    }

    Integer version() {
        JsonNode version = json == null ? null : json.at("/stored/version");
        return version != null && version.canConvertToInt() ? version.asInt() : null;
    }

    /** The table cells read. */
    int cells() {
        return size("/diagnostics/cells");
    }

    int ruleWarnings() {
        return size("/warnings");
    }

    int unplaced() {
        return size("/diagnostics/unplaced");
    }

    /** Whether the refusal lists this field as REQUIRED (the service could not tell it). */
    boolean requires(String field) {
        return required(field) != null;
    }

    /** The value the service could not use for a REQUIRED field (the name the title gives that no agency has), or null. */
    String requiredButGiven(String field) {
        JsonNode error = required(field);
        return error == null ? null : text(error.get("rejectedValue"));
    }

    /** Every error is a REQUIRED agency or year: the report was read, only who and when are missing. */
    boolean onlyIdentityMissing() {
        JsonNode errors = json == null ? null : json.get("errors");
        if (status != 422 || errors == null || !errors.isArray() || errors.isEmpty()) {
            return false;
        }
        for (JsonNode error : errors) {
            String field = text(error.get("field"));
            if (!"REQUIRED".equals(text(error.get("type"))) || !"agencyId".equals(field) && !"year".equals(field)) {
                return false;
            }
        }
        return true;
    }

    /** The status, the Problem's title and detail and its first errors; for another body, its start. */
    String refusal() {
        if (failure != null) {
            return failure;
        }
        StringBuilder reason = new StringBuilder().append(status);
        String title = text(json == null ? null : json.get("title"));
        String detail = text(json == null ? null : json.get("detail"));
        if (title != null) {
            reason.append(' ').append(title);
        }
        if (detail != null && !detail.equals(title)) {
            reason.append(title != null ? ": " : " ").append(detail);
        }
        JsonNode errors = json == null ? null : json.get("errors");
        if (errors != null && errors.isArray()) {
            List<String> messages = new ArrayList<>();
            for (JsonNode error : errors) {
                String message = text(error.get("message"));
                String field = text(error.get("field"));
                if (message != null) {
                    messages.add(field == null || field.isEmpty() ? message : field + ": " + message);
                }
            }
            if (!messages.isEmpty()) {
                reason.append(" — ").append(String.join("; ", messages.subList(0, Math.min(MAX_ERRORS_SHOWN,
                        messages.size()))));
                if (messages.size() > MAX_ERRORS_SHOWN) {
                    reason.append("; and ").append(messages.size() - MAX_ERRORS_SHOWN).append(" more");
                }
            }
        }
        if (title == null && detail == null) {
            String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
            if (!text.isEmpty()) {
                reason.append(' ').append(text, 0, Math.min(200, text.length()));
            }
        }
        return reason.toString();
    }

    private JsonNode required(String field) {
        JsonNode errors = json == null ? null : json.get("errors");
        if (failure != null || status / 100 == 2 || errors == null || !errors.isArray()) {
            return null;
        }
        for (JsonNode error : errors) {
            if (field.equals(text(error.get("field"))) && "REQUIRED".equals(text(error.get("type")))) {
                return error;
            }
        }
        return null;
    }

    private int size(String pointer) {
        JsonNode node = json == null ? null : json.at(pointer);
        return node != null && node.isArray() ? node.size() : 0;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.isContainerNode() ? null : node.asText();
    }
}
