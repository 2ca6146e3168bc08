package org.nianbao.gateway.access;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.model.region.RegionCatalog;

/**
 * Who may do what, in one table read top to bottom; the first rule whose method and path match decides.
 * <ul>
 * <li>only an agency (a submitter with that agency's claim) or an admin writes its reports (a batch's agencies are
 * checked by the report service, report by report);</li>
 * <li>the agency registry and rebuilds need admin;</li>
 * <li>an overseer reads quality and warning detail only within its region's subtree;</li>
 * <li>published reports and aggregates are public reads; any other write needs admin.</li>
 * </ul>
 */
public final class AccessPolicy {

    /** What a rule asks of the caller. {@code agency} and {@code region} come from the path's first group. */
    enum Need { PUBLIC, SIGNED_IN, SUBMITTER_OR_ADMIN, SUBMITTER_OF_AGENCY, OVERSEER_OF_REGION, ADMIN }

    private record Rule(Set<String> methods, Pattern path, Need need) {
        boolean matches(String method, String p) {
            return (methods.isEmpty() || methods.contains(method)) && path.matcher(p).matches();
        }
    }

    private static final Set<String> ANY = Set.of();
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<Rule> RULES = List.of(
            new Rule(Set.of("PUT", "DELETE"), Pattern.compile("/api/v1/agencies/([^/]+)/reports/[^/]+"), Need.SUBMITTER_OF_AGENCY),
            new Rule(Set.of("POST"), Pattern.compile("/api/v1/reports:validate"), Need.SIGNED_IN),
            new Rule(Set.of("POST"), Pattern.compile("/api/v1/reports:import"), Need.SUBMITTER_OR_ADMIN),
            // each report's agency is in the body: the report service checks it against the token, report by report
            new Rule(Set.of("POST"), Pattern.compile("/api/v1/reports:batch"), Need.SUBMITTER_OR_ADMIN),
            new Rule(READS, Pattern.compile("/api/v1/regions/([^/]+)/quality"), Need.OVERSEER_OF_REGION),
            new Rule(ANY, Pattern.compile("/api/v1/admin(/.*)?"), Need.ADMIN),
            new Rule(READS, Pattern.compile("/api/v1/.*"), Need.PUBLIC),
            new Rule(ANY, Pattern.compile(".*"), Need.ADMIN));

    /** The outcome: allowed, or the status (401, 403) and a reason that says what would be allowed. */
    public record Decision(boolean allowed, int status, String reason) {
        static final Decision ALLOW = new Decision(true, 200, null);

        static Decision unauthenticated(String what) {
            return new Decision(false, 401, what + " needs a signed-in caller: send Authorization: Bearer <token>");
        }

        static Decision forbidden(String reason) {
            return new Decision(false, 403, reason);
        }
    }

    private final RegionCatalog regions = RegionCatalog.standard();

    /** @param caller null when the request carries no token */
    public Decision decide(String method, String path, Caller caller) {
        for (Rule rule : RULES) {
            if (!rule.matches(method, path)) {
                continue;
            }
            Matcher m = rule.path().matcher(path);
            m.matches();
            String subject = m.groupCount() > 0 ? m.group(1) : null;
            return check(rule.need(), method + " " + path, subject, caller);
        }
        return Decision.forbidden("no rule allows " + method + " " + path);
    }

    private Decision check(Need need, String what, String subject, Caller caller) {
        if (need == Need.PUBLIC) {
            return Decision.ALLOW;
        }
        if (caller == null) {
            return Decision.unauthenticated(what);
        }
        if (caller.is(Caller.ADMIN)) {
            return Decision.ALLOW;
        }
        return switch (need) {
            case PUBLIC, SIGNED_IN -> Decision.ALLOW;
            case ADMIN -> Decision.forbidden(what + " needs the admin role");
            case SUBMITTER_OR_ADMIN -> caller.is(Caller.SUBMITTER) ? Decision.ALLOW
                    : Decision.forbidden(what + " needs the submitter or admin role");
            case SUBMITTER_OF_AGENCY -> caller.is(Caller.SUBMITTER) && subject.equals(caller.agency()) ? Decision.ALLOW
                    : Decision.forbidden("only agency " + subject + " (a submitter token with agency=" + subject
                    + ") or an admin may change its reports");
            case OVERSEER_OF_REGION -> caller.is(Caller.OVERSEER) && within(subject, caller.region()) ? Decision.ALLOW
                    : Decision.forbidden("quality detail of " + subject + " is for overseers of a region containing it"
                    + (caller.region() == null ? "" : "; your region is " + caller.region()));
        };
    }

    /** True when {@code code} is {@code region} or lies in its subtree. */
    boolean within(String code, String region) {
        return regions.within(code, region);
    }
}
