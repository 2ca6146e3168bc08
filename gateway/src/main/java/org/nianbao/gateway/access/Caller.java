package org.nianbao.gateway.access;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from a verified token: {@code sub}; {@code groups} ⊂ {submitter, overseer, admin};
 * {@code agency} for submitters; {@code region} (a division code) for overseers.
 */
public record Caller(String subject, Set<String> groups, String agency, String region) {

    public static final String SUBMITTER = "submitter";
    public static final String OVERSEER = "overseer";
    public static final String ADMIN = "admin";

    public static Caller of(JsonWebToken token) {
        Object agency = token.getClaim("agency");
        Object region = token.getClaim("region");
        return new Caller(token.getSubject(), token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups()),
                agency == null ? null : agency.toString().replace("\"", ""),
                region == null ? null : region.toString().replace("\"", ""));
    }

    public boolean is(String group) {
        return groups.contains(group);
    }
}
