package org.nianbao.service.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.nianbao.model.region.RegionCatalog;

/**
 * The services' own checks of a caller (defence in depth: the gateway checks the same). Roles come from the
 * token's {@code groups}; a submitter acts for the agency in its {@code agency} claim, an overseer for the
 * region in its {@code region} claim and that region's subtree.
 */
public final class Callers {

    public static final String SUBMITTER = "submitter";
    public static final String OVERSEER = "overseer";
    public static final String ADMIN = "admin";

    private Callers() {
    }

    /** Only the agency itself (a submitter token for it) or an admin may change its reports. */
    public static void requireAgency(SecurityIdentity identity, String agencyId) {
        if (!mayWriteReportsOf(identity, agencyId)) {
            throw new ForbiddenException("only agency " + agencyId + " (a submitter token with agency=" + agencyId
                    + ") or an admin may change its reports");
        }
    }

    /** An admin, or a submitter whose token names {@code agencyId}. */
    public static boolean mayWriteReportsOf(SecurityIdentity identity, String agencyId) {
        return identity.hasRole(ADMIN) || identity.hasRole(SUBMITTER) && agencyId.equals(claim(identity, "agency"));
    }

    /** Only an overseer of a region containing {@code regionCode}, or an admin, may read its detail. */
    public static void requireOverseerOf(SecurityIdentity identity, String regionCode) {
        if (!overseesRegion(identity, regionCode)) {
            String region = claim(identity, "region");
            throw new ForbiddenException("detail of " + regionCode + " is for overseers of a region containing it"
                    + (region == null ? "" : "; the token's region is " + region));
        }
    }

    /** An admin, or an overseer whose region is {@code regionCode} or contains it. */
    public static boolean overseesRegion(SecurityIdentity identity, String regionCode) {
        if (identity.hasRole(ADMIN)) {
            return true;
        }
        return identity.hasRole(OVERSEER) && RegionCatalog.standard().within(regionCode, claim(identity, "region"));
    }

    /**
     * Rule warnings are oversight detail, not part of the published report: the agency itself, the overseers of
     * its region and admins see them.
     */
    public static boolean seesWarnings(SecurityIdentity identity, String agencyId, String agencyRegion) {
        return overseesRegion(identity, agencyRegion)
                || identity.hasRole(SUBMITTER) && agencyId.equals(claim(identity, "agency"));
    }

    /** Who the caller is: the token's subject ({@code sub}), else the principal's name. */
    public static String subject(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private static String claim(SecurityIdentity identity, String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString().replace("\"", "");
        }
        return null;
    }
}
