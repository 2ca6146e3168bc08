package org.nianbao.report.agency;

import java.util.List;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.validation.Problem;
import org.nianbao.service.problem.ApiProblem;

/**
 * Turns a region code into the code prefix shared by every region in its subtree: a province's first two
 * digits, a prefecture's first four, a county's six, nothing for the country. This holds for the
 * municipalities and the province-administered counties too, since their codes keep the province digits.
 */
public final class RegionPrefix {
    private RegionPrefix() {
    }

    public static String of(String code) {
        Region region = RegionCatalog.standard().find(code).orElseThrow(() -> ApiProblem.badRequest("unknown region",
                List.of(new Problem("region", "UNKNOWN_REGION", null,
                        "use a 6-digit division code such as 620000 (province), 610600 (city) or 430602 (county); 000000 is the country",
                        code))));
        return switch (region.level()) {
            case COUNTRY -> "";
            case PROVINCE -> code.substring(0, 2);
            case PREFECTURE -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }
}
