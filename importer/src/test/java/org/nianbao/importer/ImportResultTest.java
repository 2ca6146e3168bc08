package org.nianbao.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nianbao.model.validation.SubmissionParser;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.importer.Reports.report;
import static org.nianbao.importer.TestReports.IMPORTER;
import static org.nianbao.importer.TestReports.seed;

class ImportResultTest {

    @Test
    void serializesToJson_withTheDiagnostics() {
        JsonNode json = new ObjectMapper().valueToTree(IMPORTER.importText(seed("004")));

        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("submission", "template", "agencyName", "year", "diagnostics");
        assertThat(json.at("/submission/activeDisclosure/licensing/decisions").intValue()).isEqualTo(228);
        assertThat(json.at("/diagnostics/tables/1/layout").asText()).isEqualTo("TAB_SEPARATED");
        assertThat(json.at("/diagnostics/unplaced/0/line").intValue()).isEqualTo(55);
        assertThat(json.at("/diagnostics/cells/0/code").asText()).isEqualTo("activeDisclosure.rules.newlyMade");
    }

    @Test
    void longTexts_areCutToWhatTheServiceStores() {
        String overview = "长".repeat(SubmissionParser.MAX_TEXT_LENGTH + 10);
        ImportResult result = IMPORTER.importText("""
                测试县教育局2020年政府信息公开工作年度报告
                一、总体情况
                %s
                二、主动公开政府信息情况
                """.formatted(overview));

        assertThat(result.submission().get("overview").asText()).hasSize(SubmissionParser.MAX_TEXT_LENGTH);
        assertThat(result.diagnostics().notes()).anyMatch(n -> n.startsWith("overview: text cut to 65536"));
        SeedImportTest.assertParses(result);
    }

    @Test
    void onePerLineWithoutSeparators_anEmptyLineIsABlankCell() {
        ImportResult result = IMPORTER.importText(report(2020, """
                二、主动公开政府信息情况
                信息内容
                本年新制作数量
                本年新公开数量
                对外公开总数量
                规章
                3

                5"""));

        assertThat(TestReports.readings(result)).containsEntry("activeDisclosure.rules.newlyMade", BigDecimal.valueOf(3))
                .containsEntry("activeDisclosure.rules.newlyPublished", TestReports.BLANK)
                .containsEntry("activeDisclosure.rules.totalPublished", BigDecimal.valueOf(5));
        assertThat(result.diagnostics().tables().get(0).layout()).isEqualTo(TableLayout.LINE_PER_CELL);
    }
}
