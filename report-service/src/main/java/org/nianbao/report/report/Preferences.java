package org.nianbao.report.report;

import java.util.Locale;

/**
 * The {@code Prefer} request header (RFC 7240). Only {@code return=minimal} is honoured: a bulk submitter that
 * does not read the stored report back need not pay for it on every call.
 */
final class Preferences {

    static final String RETURN_MINIMAL = "return=minimal";

    private Preferences() {
    }

    /** True when the {@code Prefer} header asks for {@code return=minimal}; names compare case-insensitively. */
    static boolean returnMinimal(String header) {
        if (header == null) {
            return false;
        }
        for (String preference : header.split(",")) {
            String token = preference.split(";", 2)[0].replace(" ", "").replace("\t", "").replace("\"", "");
            if (token.toLowerCase(Locale.ROOT).equals(RETURN_MINIMAL)) {
                return true;
            }
        }
        return false;
    }
}
