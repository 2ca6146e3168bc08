package org.nianbao.report.idempotency;

import java.util.List;
import org.nianbao.model.validation.Problem;
import org.nianbao.service.problem.ApiProblem;

/**
 * The value of an {@code Idempotency-Key} request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field"):
 * a structured-field string ({@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}, RFC 8941), or the same characters
 * unquoted, since many clients send a bare UUID. At most {@value #MAX_LENGTH} printable ASCII characters.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    /** The key a header names, null when there is none; a header that names no valid key is a 400 Problem. */
    public static IdempotencyKey parse(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            throw refused("send one Idempotency-Key header, not " + headers.size(), headers.toString());
        }
        String raw = headers.get(0).strip();
        boolean quoted = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"");
        String value = quoted ? unquote(raw) : raw;
        if (value == null || value.isEmpty()) {
            throw refused("an Idempotency-Key is a non-empty string, e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\"", raw);
        }
        if (value.length() > MAX_LENGTH) {
            throw refused("an Idempotency-Key has at most " + MAX_LENGTH + " characters (this one has " + value.length()
                    + "); a UUID is enough", raw.substring(0, 40) + "…");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || !quoted && (c == '"' || c == '\\')) {
                throw refused("an Idempotency-Key is printable ASCII (RFC 8941 string); use a UUID", raw);
            }
        }
        return new IdempotencyKey(value);
    }

    /** The content of an RFC 8941 string, its escapes (\" and \\) resolved; null when an escape is broken. */
    private static String unquote(String quoted) {
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                if (++i == quoted.length() - 1 || (quoted.charAt(i) != '"' && quoted.charAt(i) != '\\')) {
                    return null;
                }
                c = quoted.charAt(i);
            } else if (c == '"') {
                return null;
            }
            value.append(c);
        }
        return value.toString();
    }

    private static ApiProblem refused(String message, String rejected) {
        return ApiProblem.badRequest("the Idempotency-Key header is not valid; nothing was stored",
                List.of(new Problem(HEADER, "INVALID_IDEMPOTENCY_KEY", null, message, rejected)));
    }
}
