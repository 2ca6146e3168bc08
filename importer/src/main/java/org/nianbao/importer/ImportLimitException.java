package org.nianbao.importer;

import java.util.Locale;

/**
 * The input is beyond one of the {@link ImportLimits}: the import stopped there, read nothing into a report and says
 * which limit was met and what to do. The service answers 413 for {@link ImportLimits.Limit#BYTES}, 503 for
 * {@link ImportLimits.Limit#TIME} and 422 for the others, and stores nothing.
 */
public final class ImportLimitException extends ImportException {

    private static final long serialVersionUID = 1L;

    private final ImportLimits.Limit limit;

    /** The message is formatted with the root locale: figures read 1,048,576 whatever the server's language. */
    public ImportLimitException(ImportLimits.Limit limit, String format, Object... args) {
        super(String.format(Locale.ROOT, format, args));
        this.limit = limit;
    }

    public ImportLimits.Limit limit() {
        return limit;
    }
}
