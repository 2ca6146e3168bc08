package org.nianbao.report.report;

/** Strong entity tags of report versions: {@code "v<version>"}. */
final class Etags {
    private Etags() {
    }

    static String of(int version) {
        return "\"v" + version + "\"";
    }

    /** True when an If-Match header names the given version (or is {@code *} and a version exists). */
    static boolean matches(String ifMatch, int currentVersion) {
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip(); // RFC 9110: strong comparison, so a weak tag never matches
            if ((t.equals("*") && currentVersion > 0) || t.equals(of(currentVersion))) {
                return true;
            }
        }
        return false;
    }
}
