package org.nianbao.service.problem;

import java.util.regex.Pattern;

/**
 * Decides whether an exception's message may be shown to a client. Messages written by this project are; a
 * library's are often not (they name its classes, settings or packages), and then a plain text is used instead.
 */
public final class ClientText {

    private static final Pattern LIBRARY_TEXT = Pattern.compile(
            "Exception|\\b(java|javax|jakarta|com|org|io|net|sun)\\.[a-z]|\\$|\\(\\)|HTTP [0-9]{3}\\b");

    private ClientText() {
    }

    /** {@code message} when it reads as written for a client, else {@code fallback}. */
    public static String orElse(String message, String fallback) {
        return message == null || message.isBlank() || !isClean(message) ? fallback : message;
    }

    /** True when the text names no Java class, package or method. */
    public static boolean isClean(String text) {
        return !LIBRARY_TEXT.matcher(text).find();
    }
}
