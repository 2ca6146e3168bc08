package org.nianbao.model.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.model.rules.RuleDefinition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateCatalogTest {

    private static final TemplateCatalog CATALOG = TemplateCatalog.standard();
    private static final Template GOV_2019 = CATALOG.find("GOV_2019").orElseThrow();
    private static final Template GOV_2021 = CATALOG.find("GOV_2021").orElseThrow();
    private static final Template LEGACY = CATALOG.find("LEGACY").orElseThrow();

    private static final List<String> APPLICANTS = List.of("naturalPerson", "commercialEnterprise",
            "researchInstitution", "publicInterestOrg", "legalServiceOrg", "otherOrg", "total");
    private static final List<String> COMMON_REQUEST_ROWS = List.of("newReceived", "carriedOver",
            "outcome.disclosed", "outcome.partiallyDisclosed",
            "outcome.withheld.stateSecret", "outcome.withheld.prohibitedByLaw", "outcome.withheld.securityStability",
            "outcome.withheld.thirdPartyRights", "outcome.withheld.internalAffairs",
            "outcome.withheld.processInformation", "outcome.withheld.enforcementFiles",
            "outcome.withheld.administrativeQuery",
            "outcome.unavailable.notHeld", "outcome.unavailable.needsCreation",
            "outcome.unavailable.unclearAfterCorrection",
            "outcome.notProcessed.petitionComplaint", "outcome.notProcessed.duplicate",
            "outcome.notProcessed.publication", "outcome.notProcessed.massRepeated",
            "outcome.notProcessed.confirmOrReissue", "outcome.total", "carriedForward");

    @Test
    void everyReportHasTheSixSections() {
        assertThat(CATALOG.sections()).extracting(Section::code, Section::number, Section::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("overview", "一", true),
                org.assertj.core.groups.Tuple.tuple("activeDisclosure", "二", false),
                org.assertj.core.groups.Tuple.tuple("requests", "三", false),
                org.assertj.core.groups.Tuple.tuple("reviewLitigation", "四", false),
                org.assertj.core.groups.Tuple.tuple("problems", "五", true),
                org.assertj.core.groups.Tuple.tuple("otherMatters", "六", true));
        assertThat(CATALOG.templates()).extracting(Template::id).containsExactly("GOV_2019", "GOV_2021", "LEGACY");
    }

    @ParameterizedTest
    @CsvSource({
            "GOV_2019, activeDisclosure, 22", "GOV_2019, requests, 161", "GOV_2019, reviewLitigation, 15",
            "GOV_2021, activeDisclosure, 10", "GOV_2021, requests, 175", "GOV_2021, reviewLitigation, 15"})
    void cellCountsFollowTheNationalFormats(String template, String section, int cells) {
        assertThat(CATALOG.find(template).orElseThrow().cells()).filteredOn(c -> c.section().equals(section))
                .hasSize(cells);
    }

    @Test
    void everyCodeOfTheSpecExists() {
        assertThat(GOV_2019.cellCodes()).containsAll(codes("activeDisclosure",
                Map.of("rules", List.of("newlyMade", "newlyPublished", "totalPublished"),
                        "normativeDocuments", List.of("newlyMade", "newlyPublished", "totalPublished"),
                        "licensing", List.of("previousItems", "change", "decisions"),
                        "otherServices", List.of("previousItems", "change", "decisions"),
                        "penalty", List.of("previousItems", "change", "decisions"),
                        "coercion", List.of("previousItems", "change", "decisions"),
                        "fees", List.of("previousItems", "change"),
                        "procurement", List.of("items", "amount"))));
        assertThat(GOV_2021.cellCodes()).containsAll(codes("activeDisclosure",
                Map.of("rules", List.of("issued", "repealed", "inForce"),
                        "normativeDocuments", List.of("issued", "repealed", "inForce"),
                        "licensing", List.of("decisions"), "penalty", List.of("decisions"),
                        "coercion", List.of("decisions"), "fees", List.of("amount"))));

        List<String> rows2019 = new ArrayList<>(COMMON_REQUEST_ROWS);
        rows2019.add("outcome.other");
        List<String> rows2021 = new ArrayList<>(COMMON_REQUEST_ROWS);
        rows2021.addAll(List.of("outcome.other.noCorrection", "outcome.other.feeUnpaid", "outcome.other.otherReason"));
        assertThat(GOV_2019.cellCodes()).containsAll(grid("requests", rows2019, APPLICANTS));
        assertThat(GOV_2021.cellCodes()).containsAll(grid("requests", rows2021, APPLICANTS));

        List<String> review = grid("reviewLitigation",
                List.of("reconsideration", "litigationDirect", "litigationAfterReconsideration"),
                List.of("upheld", "corrected", "other", "pending", "total"));
        assertThat(GOV_2019.cellCodes()).containsAll(review);
        assertThat(GOV_2021.cellCodes()).containsAll(review);
        assertThat(LEGACY.cells()).isEmpty();
    }

    @Test
    void cellsCarryTheirChineseLabelsAndKinds() {
        CellDefinition secret = GOV_2019.cell("requests.outcome.withheld.stateSecret.naturalPerson").orElseThrow();
        assertThat(secret.label()).contains("不予公开", "国家秘密", "自然人");
        assertThat(secret.rowCode()).isEqualTo("outcome.withheld.stateSecret");
        assertThat(secret.columnCode()).isEqualTo("naturalPerson");
        assertThat(secret.kind()).isEqualTo(CellKind.COUNT);

        assertThat(GOV_2019.cell("activeDisclosure.licensing.change").orElseThrow().kind()).isEqualTo(CellKind.CHANGE);
        CellDefinition fees = GOV_2021.cell("activeDisclosure.fees.amount").orElseThrow();
        assertThat(fees.kind()).isEqualTo(CellKind.AMOUNT);
        assertThat(fees.unit()).isEqualTo("万元");
        assertThat(fees.block()).isEqualTo("第二十条第（八）项");
        assertThat(GOV_2021.cells()).allSatisfy(c -> assertThat(c.additive()).isTrue());
        assertThat(GOV_2019.cells().get(0).code()).isEqualTo("activeDisclosure.rules.newlyMade");
    }

    @Test
    void templatesAreMeantForTheirYears() {
        assertThat(GOV_2019.intendedFor(2019)).isTrue();
        assertThat(GOV_2019.intendedFor(2020)).isTrue();
        assertThat(GOV_2019.intendedFor(2021)).isFalse();
        assertThat(GOV_2021.intendedFor(2021)).isTrue();
        assertThat(GOV_2021.intendedFor(2040)).isTrue();
        assertThat(LEGACY.intendedFor(2014)).isTrue();
        assertThat(LEGACY.intendedFor(2019)).isFalse();
        assertThat(GOV_2021.document()).contains("国办公开办函〔2021〕30号");
    }

    @Test
    void groupsSumTheRowsEachTemplateHas() {
        GroupDefinition other2019 = group(GOV_2019, "requests.outcome.otherTotal");
        GroupDefinition other2021 = group(GOV_2021, "requests.outcome.otherTotal");
        assertThat(other2019.cellCodesFor("total")).containsExactly("requests.outcome.other.total");
        assertThat(other2021.cellCodesFor("naturalPerson")).containsExactly(
                "requests.outcome.other.noCorrection.naturalPerson", "requests.outcome.other.feeUnpaid.naturalPerson",
                "requests.outcome.other.otherReason.naturalPerson");
        assertThat(group(GOV_2021, "requests.outcome.withheld").rowCodes()).hasSize(8);
        assertThat(group(GOV_2019, "requests.outcome.unavailable").rowCodes()).hasSize(3);
        assertThat(group(GOV_2019, "requests.outcome.notProcessed").rowCodes()).hasSize(5);
        assertThat(LEGACY.groups()).isEmpty();

        Map<String, BigDecimal> values = GOV_2021.groupValues(Map.of(
                "requests.outcome.other.noCorrection.total", BigDecimal.ONE,
                "requests.outcome.other.otherReason.total", BigDecimal.TEN));
        assertThat(values).containsOnly(Map.entry("requests.outcome.otherTotal.total", BigDecimal.valueOf(11)));
    }

    @Test
    void everyGroupCellIsTheSumOfItsMembersInEveryColumn() {
        for (Template t : List.of(GOV_2019, GOV_2021)) {
            Map<String, BigDecimal> cells = new java.util.HashMap<>();
            int n = 0;
            for (String code : t.cellCodes()) {
                cells.put(code, BigDecimal.valueOf(++n)); // distinct values: a member counted twice or missed shows
            }
            Map<String, BigDecimal> groups = t.groupValues(cells);
            for (GroupDefinition g : t.groups()) {
                for (String column : g.columnCodes()) {
                    BigDecimal expected = g.cellCodesFor(column).stream().map(cells::get).filter(java.util.Objects::nonNull)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(groups.get(g.metricCode(column))).as("%s in %s", g.metricCode(column), t.id()).isEqualTo(expected);
                }
            }
            assertThat(groups).hasSize(t.groupCellCodes().size());
            assertThat(t.metricValues(cells)).hasSize(cells.size() + groups.size()).containsAllEntriesOf(cells).containsAllEntriesOf(groups);
        }
    }

    @Test
    void comparableCodesSpanBothNationalTemplates() {
        assertThat(CATALOG.comparableCodes())
                .contains("requests.outcome.withheld.total", "requests.outcome.otherTotal.naturalPerson",
                        "activeDisclosure.licensing.decisions", "activeDisclosure.penalty.decisions",
                        "activeDisclosure.coercion.decisions", "requests.newReceived.total",
                        "reviewLitigation.reconsideration.corrected")
                .doesNotContain("activeDisclosure.rules.newlyMade", "activeDisclosure.rules.inForce",
                        "requests.outcome.other.total", "requests.outcome.other.feeUnpaid.total",
                        "activeDisclosure.fees.amount");
    }

    @Test
    void metricCodesCoverEveryCellAndGroupCell() {
        assertThat(CATALOG.metricCodes())
                .containsAll(GOV_2019.cellCodes()).containsAll(GOV_2021.cellCodes())
                .contains("requests.outcome.withheld.naturalPerson", "requests.outcome.otherTotal.total")
                // GOV_2019 + GOV_2021 minus the 3 shared decisions, the 3 new 其他处理 rows, 4 groups × 7 columns
                .hasSize(22 + 161 + 15 + (10 - 3) + 3 * 7 + 4 * 7);
        assertThat(CATALOG.metricLabel("requests.outcome.withheld.total")).contains("（三）不予公开（小计）：总计");
        assertThat(CATALOG.metricLabel("activeDisclosure.rules.inForce")).contains("规章：现行有效件数");
        assertThat(CATALOG.metricLabel("activeDisclosure.licensing.decisions")).contains("行政许可：本年处理决定数量");
        assertThat(CATALOG.metricLabel("nothing.here")).isEmpty();
    }

    @Test
    void rulesAreListedWithTheirEquations() {
        assertThat(CATALOG.rules()).extracting(RuleDefinition::id)
                .containsExactly("R1", "R2", "R3", "R4", "R5", "X1", "X2", "T1");
        assertThat(CATALOG.rule("R1").orElseThrow().equation().text())
                .isEqualTo("newReceived + carriedOver = outcome.total + carriedForward");
        assertThat(CATALOG.rule("X2").orElseThrow().appliesTo(GOV_2019)).isFalse();
        assertThat(CATALOG.rule("R5").orElseThrow().severity()).isEqualTo(RuleDefinition.Severity.ERROR);
        assertThat(CATALOG.rules()).allSatisfy(r -> assertThat(r.label()).isNotBlank());
    }

    @Test
    void templatesSerializeForFormBuilding() {
        ObjectMapper json = new ObjectMapper();
        JsonNode template = json.valueToTree(GOV_2021);

        assertThat(template.fieldNames()).toIterable()
                .containsExactly("id", "title", "document", "years", "sections", "tables", "groups");
        assertThat(template.at("/years/from").intValue()).isEqualTo(2021);
        assertThat(template.at("/tables/0/rows/5/columns/0/unit").textValue()).isEqualTo("万元");
        assertThat(template.at("/tables/1/columns/1/heading").textValue()).isEqualTo("法人或其他组织");
        assertThat(template.at("/groups/0/code").textValue()).isEqualTo("requests.outcome.withheld");

        JsonNode rule = json.valueToTree(CATALOG.rule("X2").orElseThrow());
        assertThat(rule.get("equation").textValue()).isEqualTo("inForce = prev:inForce + issued - repealed");
        assertThat(rule.get("forEach").textValue()).isEqualTo("row");
        assertThat(json.valueToTree(CATALOG.indicators().get(0)).get("numerator").isTextual()).isTrue();
    }

    @Test
    void theStandardCatalogIsLoadedOnce() {
        assertThat(TemplateCatalog.standard()).isSameAs(CATALOG);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "= outcome.total + carriedForward\"       | = outcome.totl + carriedForward\"        | outcome.totl names no cell",
            "\"code\": \"carriedOver\",               | \"code\": \"newReceived\",               | duplicate row newReceived",
            "\"columnSet\": \"documents2021\"         | \"columnSet\": \"documents2022\"         | unknown columnSet documents2022",
            "\"denominator\": \"requests.outcome.total.total\" | \"denominator\": \"requests.outcomes.total\" | requests.outcomes.total is no cell",
            "\"rows\": [\"outcome.unavailable.*\"]     | \"rows\": [\"outcome.unknown.*\"]         | matches no row",
            "\"code\": \"total\",                \"label\": \"总计\" } | \"code\": \"total\", \"label\": \"总计\", \"bogus\": 1 } | bogus",
    })
    void anInconsistentCatalogFailsToLoad(String original, String broken, String message) throws IOException {
        String text;
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(TemplateCatalog.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).contains(original);
        String brokenText = text.replace(original, broken);

        assertThatThrownBy(() -> TemplateCatalog.read(new ByteArrayInputStream(brokenText.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("catalog")
                .hasMessageContaining(message);
    }

    private static GroupDefinition group(Template template, String code) {
        return template.groups().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> codes(String section, Map<String, List<String>> columnsByRow) {
        return columnsByRow.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(c -> section + "." + e.getKey() + "." + c)).toList();
    }

    private static List<String> grid(String section, List<String> rows, List<String> columns) {
        return rows.stream().flatMap(r -> columns.stream().map(c -> section + "." + r + "." + c)).toList();
    }
}
