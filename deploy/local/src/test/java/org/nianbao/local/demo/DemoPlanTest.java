package org.nianbao.local.demo;

import org.junit.jupiter.api.Test;
import org.nianbao.local.demo.DemoPlan.AgencyPlan;
import org.nianbao.local.demo.DemoPlan.ReportPlan;
import org.nianbao.local.demo.DemoPlan.Settings;
import org.nianbao.local.demo.DemoPlan.Size;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.region.RegionCatalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DemoPlanTest {

    static final DemoPlan COUNTRY = DemoPlan.create(Settings.of(DemoOptions.DEFAULT_SEED, Size.ALL));

    @Test
    void theSameSeedMakesTheSamePlanAndAnotherSeedAnother() {
        DemoPlan a = DemoPlan.create(Settings.of(7, Size.count(300)));
        DemoPlan b = DemoPlan.create(Settings.of(7, Size.count(300)));
        DemoPlan c = DemoPlan.create(Settings.of(8, Size.count(300)));
        assertThat(a.agencies()).isEqualTo(b.agencies());
        assertThat(c.agencies()).isNotEqualTo(a.agencies());
    }

    @Test
    void theWholeCountryIsOneBureauPerProvincePrefectureAndCounty() {
        DemoPlan.Counts counts = COUNTRY.counts();
        assertThat(counts.agencies()).isEqualTo(COUNTRY.candidates()).isBetween(3100, 3300);
        assertThat(counts.byLevel().get(AgencyLevel.PROVINCE)).isEqualTo(31);
        assertThat(counts.byLevel().get(AgencyLevel.CITY)).isBetween(320, 340);
        assertThat(counts.byLevel().get(AgencyLevel.COUNTY)).isBetween(2800, 2900);
        assertThat(counts.agencyYears()).isEqualTo(6 * counts.agencies());
        List<String> ids = COUNTRY.agencies().stream().map(AgencyPlan::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("edu-\\d{6}"));
        assertThat(ids).contains("edu-620000", "edu-610600", "edu-640323", "edu-430602", "edu-140700", "edu-513402")
                .doesNotContain("edu-513425", "edu-130171") // retired; development zone
                .contains("edu-441900", "edu-442000", "edu-460400"); // prefecture-level cities without counties
    }

    @Test
    void levelsAndNamesFollowTheRegion() {
        Map<String, AgencyPlan> byId = COUNTRY.agencies().stream().collect(Collectors.toMap(AgencyPlan::id, Function.identity()));
        assertThat(byId.get("edu-620000")).satisfies(a -> {
            assertThat(a.name()).isEqualTo("甘肃省教育厅");
            assertThat(a.level()).isEqualTo(AgencyLevel.PROVINCE);
        });
        assertThat(byId.get("edu-110000").name()).isEqualTo("北京市教育委员会");
        assertThat(byId.get("edu-620100")).satisfies(a -> {
            assertThat(a.name()).isEqualTo("兰州市教育局");
            assertThat(a.level()).isEqualTo(AgencyLevel.CITY);
        });
        assertThat(byId.get("edu-110101").level()).isEqualTo(AgencyLevel.COUNTY);
        assertThat(byId.get("edu-640323").name()).startsWith("盐池县教").endsWith("局");
        assertThat(byId.get("edu-429004").level()).isEqualTo(AgencyLevel.COUNTY); // 仙桃市, under the province
    }

    @Test
    void sizesCountFractionsAndRegions() {
        int all = COUNTRY.candidates();
        assertThat(DemoPlan.create(Settings.of(1, Size.count(300))).agencies()).hasSize(300);
        assertThat(DemoPlan.create(Settings.of(1, Size.fraction(0.1))).agencies()).hasSize((int) Math.round(all * 0.1));
        assertThat(DemoPlan.create(Settings.of(1, Size.count(0))).agencies()).isEmpty();
        assertThat(DemoPlan.create(Settings.of(1, Size.count(1_000_000))).agencies()).hasSize(all);
        DemoPlan zones = DemoPlan.create(new Settings(1, Size.ALL, true, null, null));
        assertThat(zones.agencies().size() - all).isBetween(100, 130);
        DemoPlan ningxia = DemoPlan.create(new Settings(1, Size.ALL, false, "640000", null));
        assertThat(ningxia.agencies()).extracting(AgencyPlan::regionCode)
                .contains("640000", "640300", "640323").allMatch(code -> code.startsWith("64"));
        assertThat(ningxia.agencies()).hasSize(ningxia.candidates()).hasSizeBetween(25, 30);
        assertThatThrownBy(() -> DemoPlan.create(new Settings(1, Size.ALL, false, "999999", null)))
                .hasMessageContaining("999999");
    }

    @Test
    void aSmallerRunIsPartOfALargerOneWithTheSameData() {
        DemoPlan small = DemoPlan.create(Settings.of(5, Size.count(200)));
        DemoPlan large = DemoPlan.create(Settings.of(5, Size.count(800)));
        DemoPlan country = DemoPlan.create(Settings.of(5, Size.ALL));
        assertThat(large.agencies()).containsAll(small.agencies());
        assertThat(country.agencies()).containsAll(large.agencies());
        // a sample spreads over the country, not one corner of it
        Set<String> provinces = large.agencies().stream().map(a -> a.regionCode().substring(0, 2)).collect(Collectors.toSet());
        assertThat(provinces).hasSizeGreaterThan(25);
    }

    @Test
    void theTemplateFollowsTheYearExceptForAFewLateAdopters() {
        int from2021 = 0;
        int older = 0;
        for (AgencyPlan a : COUNTRY.agencies()) {
            for (ReportPlan r : a.years()) {
                if (r.year() <= 2020) {
                    assertThat(r.template()).isEqualTo("GOV_2019");
                    assertThat(r.oldFormat()).isFalse();
                } else {
                    from2021++;
                    assertThat(r.template()).isEqualTo(r.oldFormat() ? "GOV_2019" : "GOV_2021");
                    if (r.oldFormat()) older++;
                }
            }
            // a bureau that switched to GOV_2021 does not go back
            List<String> templates = a.years().stream().map(ReportPlan::template).toList();
            int firstNew = templates.indexOf("GOV_2021");
            if (firstNew >= 0) {
                assertThat(templates.subList(firstNew, templates.size())).containsOnly("GOV_2021");
            }
        }
        assertThat((double) older / from2021).isBetween(0.01, 0.05);
    }

    @Test
    void theSharesOfIrregularReportsAreRealistic() {
        DemoPlan.Counts c = COUNTRY.counts();
        assertThat(c.reports() + c.missing()).isEqualTo(c.agencyYears());
        assertThat(share(c.missing(), c.agencyYears())).isCloseTo(0.03, within(0.01));
        assertThat(share(c.violations(), c.reports())).isBetween(0.05, 0.10);
        assertThat(share(c.blanks(), c.reports())).isCloseTo(0.10, within(0.02));
        assertThat(share(c.late(), c.reports())).isCloseTo(0.08, within(0.02));
        assertThat(share(c.revisions(), c.reports())).isCloseTo(0.05, within(0.01));
        assertThat(c.byViolation()).containsOnlyKeys(DemoPlan.Violation.values());
        assertThat(c.byBlank()).containsOnlyKeys(DemoPlan.Blank.values());
        assertThat(share(c.cleanAgencies(), c.agencies())).isBetween(0.2, 0.6);
    }

    @Test
    void lateMeansPublishedAfterTheEndOfJanuary() {
        for (AgencyPlan a : COUNTRY.agencies()) {
            for (ReportPlan r : a.years()) {
                LocalDate deadline = LocalDate.of(r.year() + 1, 1, 31);
                assertThat(r.publishedOn().getYear()).isEqualTo(r.year() + 1);
                assertThat(r.late()).isEqualTo(r.publishedOn().isAfter(deadline));
                if (!r.submitted()) assertThat(r.revised()).isFalse();
            }
        }
    }

    @Test
    void crossYearViolationsArePlantedOnlyWhereTheServiceCanSeeThem() {
        for (AgencyPlan a : COUNTRY.agencies()) {
            for (ReportPlan r : a.years()) {
                if (r.violation() == DemoPlan.Violation.X1 || r.violation() == DemoPlan.Violation.X2) {
                    assertThat(r.year()).isGreaterThan(DemoPlan.FIRST_YEAR);
                    assertThat(a.year(r.year() - 1).submitted()).isTrue();
                }
                if (r.violation() == DemoPlan.Violation.X2) {
                    assertThat(r.template()).isEqualTo("GOV_2021");
                    assertThat(a.year(r.year() - 1).template()).isEqualTo("GOV_2021");
                }
                if (r.violation() == DemoPlan.Violation.R4) {
                    assertThat(r.blank()).isNotEqualTo(DemoPlan.Blank.REVIEW_BLANK);
                }
            }
        }
    }

    @Test
    void everyCandidateLeadsToTheCountry() {
        RegionCatalog regions = RegionCatalog.standard();
        assertThat(DemoPlan.candidates(Settings.of(1, Size.ALL), regions))
                .allMatch(r -> DemoPlan.ancestry(regions, r).contains("000000"));
        assertThat(DemoPlan.ancestry(regions, regions.get("441900"))).containsExactly("441900", "440000", "000000");
        assertThat(DemoPlan.ancestry(regions, regions.get("640323"))).containsExactly("640323", "640300", "640000", "000000");
    }

    static double share(long part, long whole) {
        return (double) part / whole;
    }
}
