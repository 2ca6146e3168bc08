package org.nianbao.importer.document;

/**
 * The file cannot be turned into something the importer reads. The message is meant for the person who sent it and
 * says what to do; {@link #reason()} lets a caller pick the answer (415 for {@code UNSUPPORTED_FORMAT}, 413 for
 * {@code TOO_LARGE}, 422 for the others).
 */
public final class DocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not one of the formats of {@link DocumentFormat} (an image, an archive, a presentation, …). */
        UNSUPPORTED_FORMAT,
        /** Over one of the {@link DocumentLimits}, or a zip bomb. */
        TOO_LARGE,
        /** A PDF with no text to extract (a scanned image). */
        NO_TEXT_LAYER,
        /** Text in no charset the reader knows (or bytes that decode in none). */
        UNDECODABLE,
        /** The file claims a format but is damaged or protected by a password. */
        UNREADABLE
    }

    private final Reason reason;

    public DocumentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
