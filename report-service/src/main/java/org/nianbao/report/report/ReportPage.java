package org.nianbao.report.report;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportPage", description = "One page of a report listing; the Link header names the first, previous, next and last pages")
public record ReportPage(@Schema(description = "The reports of this page") List<ReportSummary> items,
                         @Schema(example = "0") int page,
                         @Schema(example = "50") int size,
                         @Schema(description = "Matching reports in all pages", example = "5") long total) {
}
