package org.nianbao.importer;

/**
 * The input is beyond one of the {@link ImportLimits}: the import stopped there, read nothing into a report and says
 * which limit was met and what to do. The service answers 413 for {@link ImportLimits.Limit#BYTES}, 503 for
 * {@link ImportLimits.Limit#TIME} and 422 for the others, and stores nothing.
 */
public final class ImportLimitException extends ImportException {

    private static final long serialVersionUID = 1L;

    private final ImportLimits.Limit limit;

    public ImportLimitException(ImportLimits.Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public ImportLimits.Limit limit() {
        return limit;
    }
}
