package org.nianbao.report.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.nianbao.importer.Diagnostics;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.report.report.ReportVersionView;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportOutcome", description = "What the importer read from a published report, and the stored version when submitted")
public record ImportOutcome(
        @Schema(description = "GOV_2019, GOV_2021 or LEGACY, detected from the table headers", example = "GOV_2019") String template,
        @Schema(nullable = true, description = "The agency name recognised in the title (simplified characters), or given as ?agencyName when the title names none", example = "盐池县教育体育局") String agencyName,
        @Schema(nullable = true, description = "The registered agency: given as ?agencyId, or found by the recognised name", example = "edu-640323") String agencyId,
        @Schema(nullable = true, description = "The report year recognised in the title, or given as ?year", example = "2020") Integer year,
        @Schema(ref = "ReportSubmission") ObjectNode submission,
        @Schema(description = "Which tables were found, each cell read with its source text, what could not be placed, "
                + "figures read from prose (never put into cells) and notes") Diagnostics diagnostics,
        @Schema(description = "Rule warnings of the structured report") List<RuleWarning> warnings,
        @Schema(nullable = true, description = "With ?submit=true: the version stored") ReportVersionView stored) {
}
