package org.nianbao.report.agency;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgencyPage", description = "One page of the agency listing; the Link header names the first, previous, next and last pages")
public record AgencyPage(@Schema(description = "The agencies of this page, by id") List<AgencyView> items,
                         @Schema(example = "0") int page,
                         @Schema(example = "100") int size,
                         @Schema(description = "Matching agencies in all pages", example = "5") long total) {
}
