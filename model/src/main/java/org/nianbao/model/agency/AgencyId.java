package org.nianbao.model.agency;

import java.util.regex.Pattern;

/**
 * The form of an agency id ({@code edu-640323}): 2 to 64 lower-case ASCII letters, digits and '-', starting with a
 * letter or digit. Checked wherever an id comes in (a body, a path) before it is looked up, so that no text that is
 * no id (a NUL, a control character) ever reaches the database.
 */
public final class AgencyId {

    public static final String RULE = "2–64 lower-case letters, digits and '-', starting with a letter or digit (e.g. edu-640323)";
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private AgencyId() {
    }

    public static boolean valid(String id) {
        return id != null && FORM.matcher(id).matches();
    }
}
