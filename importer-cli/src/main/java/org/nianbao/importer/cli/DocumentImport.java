package org.nianbao.importer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Imports one document and says what became of it. The agency and year are the service's: read from the report's
 * title (or the agency given with --agency). Only when the title does not tell them, and the file name does, is the
 * document sent again with the file name's agency and year; the summary says which came from where. A document
 * whose bytes were imported before (the state file) is skipped.
 */
final class DocumentImport {

    private final ImportClient client;
    private final ImportState state;
    private final boolean submit;

    DocumentImport(ImportClient client, ImportState state, boolean submit) {
        this.client = client;
        this.state = state;
        this.submit = submit;
    }

    /** Whether these bytes were imported before; the outcome saying so, or null. */
    FileOutcome skipped(String source, byte[] bytes) {
        ImportState.Entry earlier = state.find(ImportState.sha256(bytes));
        if (earlier == null) {
            return null;
        }
        return new FileOutcome(source, FileOutcome.Status.SKIPPED, "already imported on " + earlier.when() + " as "
                + earlier.stored() + (earlier.source().equals(source) ? "" : " from " + earlier.source())
                + " (same SHA-256; a changed file is imported again)");
    }

    /** @param note what the summary adds about where the document came from (an attachment followed), or "" */
    FileOutcome run(Document document, String note) {
        FileOutcome skipped = skipped(document.source(), document.bytes());
        if (skipped != null) {
            return skipped;
        }
        NameGuess fromName = NameGuess.of(document.fileName());
        ImportAnswer answer = client.send(document, NameGuess.NONE, submit);
        NameGuess used = fallback(answer, fromName);
        if (!used.equals(NameGuess.NONE)) {
            answer = client.send(document, used, submit);
        }
        if (answer.failure() != null) {
            return new FileOutcome(document.source(), FileOutcome.Status.FAILED, with(answer.failure(), note));
        }
        if (!answer.accepted()) {
            return new FileOutcome(document.source(), FileOutcome.Status.REFUSED,
                    with(answer.refusal() + unknowable(answer, fromName, used), note));
        }
        return accepted(document, answer, fromName, used, note);
    }

    /**
     * What the file name has to add: its agency where the service read none from the title (not where the title names
     * an agency that is not registered: the title is the report's own word), its year where the title gives none.
     */
    private NameGuess fallback(ImportAnswer answer, NameGuess fromName) {
        if (answer.failure() != null || !answer.accepted() && !answer.onlyIdentityMissing()) {
            return NameGuess.NONE;
        }
        boolean agencyMissing = client.agencyId() == null && (answer.accepted() ? answer.agencyName() == null
                : answer.requires("agencyId") && answer.requiredButGiven("agencyId") == null);
        boolean yearMissing = answer.accepted() ? answer.year() == null : answer.requires("year");
        String agencyName = agencyMissing ? fromName.agencyName() : null;
        Integer year = yearMissing ? fromName.year() : null;
        return agencyName == null && year == null ? NameGuess.NONE : new NameGuess(agencyName, year);
    }

    private FileOutcome accepted(Document document, ImportAnswer answer, NameGuess fromName, NameGuess used, String note) {
        List<String> parts = new ArrayList<>();
        String stored = stored(answer);
        parts.add(submit ? stored : "parsed, not submitted");
        if (answer.template() != null) {
            parts.add(answer.template());
        }
        if (!submit) {
            parts.add(answer.cells() + " cells");
        }
        List<String> sections = new ArrayList<>();
        sections.add(String.join(", ", parts));
        sections.add(identity(answer, fromName, used));
        List<String> warnings = new ArrayList<>();
        if (answer.ruleWarnings() > 0) {
            warnings.add(answer.ruleWarnings() + " rule warning(s)");
        }
        if (answer.unplaced() > 0) {
            warnings.add(answer.unplaced() + " number(s) not placed in a cell");
        }
        if (submit) {
            try {
                state.remember(ImportState.sha256(document.bytes()), stored, document.source());
            } catch (java.io.UncheckedIOException notWritten) {
                warnings.add(notWritten.getMessage() + ": it will be imported again by the next run");
            }
        }
        sections.addAll(warnings);
        return new FileOutcome(document.source(), warnings.isEmpty() ? FileOutcome.Status.IMPORTED
                : FileOutcome.Status.IMPORTED_WITH_WARNINGS, with(String.join("; ", sections), note));
    }

    private static String stored(ImportAnswer answer) {
        String id = Objects.requireNonNullElse(answer.agencyId(), "no registered agency")
                + (answer.year() == null ? "" : "/" + answer.year());
        return answer.version() == null ? id : id + " v" + answer.version();
    }

    /** agency 沭阳县发展和改革局 (title) = fgj-321322, region 321322, year 2023 (file name) */
    private String identity(ImportAnswer answer, NameGuess fromName, NameGuess used) {
        List<String> parts = new ArrayList<>();
        if (client.agencyId() != null) {
            parts.add("agency " + client.agencyId() + " (--agency)");
        } else if (answer.agencyName() != null) {
            boolean byName = used.agencyName() != null;
            parts.add("agency " + answer.agencyName() + (byName ? " (file name)" : " (title)")
                    + (answer.agencyId() == null ? ", not registered" : " = " + answer.agencyId())
                    + disagreement(!byName, fromName.agencyName(), answer.agencyName()));
        } else {
            parts.add("agency unknown: neither the title nor the file name names it");
        }
        if (answer.regionCode() != null) {
            parts.add("region " + answer.regionCode());
        }
        if (answer.year() != null) {
            boolean byName = used.year() != null;
            parts.add("year " + answer.year() + (byName ? " (file name)" : " (title)")
                    + disagreement(!byName, fromName.year(), answer.year()));
        } else {
            parts.add("year unknown: neither the title nor the file name gives it");
        }
        return String.join(", ", parts);
    }

    /** The title wins; a file name that says otherwise is pointed out, not silently dropped. */
    private static String disagreement(boolean fromTitle, Object inName, Object used) {
        return fromTitle && inName != null && !inName.equals(used) ? " (the file name says " + inName + ")" : "";
    }

    /** For a refusal over a missing agency or year: what the title and the file name did not tell, and what to do. */
    private String unknowable(ImportAnswer answer, NameGuess fromName, NameGuess used) {
        List<String> notes = new ArrayList<>();
        if (answer.requires("agencyId") && answer.requiredButGiven("agencyId") == null && used.agencyName() == null
                && fromName.agencyName() == null) {
            notes.add("neither the title nor the file name names the agency: pass --agency ID, or name the file "
                    + "like 沭阳县发展和改革局2023年政府信息公开年度报告.pdf");
        } else if (used.agencyName() != null) {
            notes.add("the agency " + used.agencyName() + " was taken from the file name");
        }
        if (answer.requires("year") && used.year() == null && fromName.year() == null) {
            notes.add("neither the title nor the file name gives the year: put it in the file name");
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    private static String with(String detail, String note) {
        return note == null || note.isEmpty() ? detail : detail + "; " + note;
    }
}
