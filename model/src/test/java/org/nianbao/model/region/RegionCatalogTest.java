package org.nianbao.model.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionCatalogTest {

    private final RegionCatalog regions = RegionCatalog.standard();

    @Test
    void countyPathRunsThroughCityAndProvinceToTheCountry() {
        assertThat(regions.path("430602")).extracting(Region::name)
                .containsExactly("岳阳楼区", "岳阳市", "湖南省", "全国");
        assertThat(AgencyLevel.of(regions.get("430602"))).isEqualTo(AgencyLevel.COUNTY);
        assertThat(AgencyLevel.of(regions.get("610600"))).isEqualTo(AgencyLevel.CITY);
        assertThat(AgencyLevel.of(regions.get("620000"))).isEqualTo(AgencyLevel.PROVINCE);
    }

    @Test
    void municipalityDistrictsHangDirectlyUnderTheMunicipality() {
        assertThat(regions.get("110101").parentCode()).isEqualTo("110000");
        assertThat(regions.get("500229").parentCode()).isEqualTo("500000");
        assertThat(regions.find("110100")).isEmpty();
        assertThat(regions.children("110000")).extracting(Region::level).containsOnly(RegionLevel.COUNTY);
    }

    @Test
    void provinceAdministeredCountiesHangUnderTheProvince() {
        assertThat(regions.path("429004")).extracting(Region::code).containsExactly("429004", "420000", "000000");
        assertThat(regions.find("429000")).isEmpty();
    }

    @Test
    void developmentZonesAreMarked() {
        assertThat(regions.get("130171").developmentZone()).isTrue();
        assertThat(regions.get("130102").developmentZone()).isFalse();
        assertThat(regions.all().stream().filter(Region::developmentZone).count()).isGreaterThan(100);
    }

    @Test
    void retiredCodesStillResolveButAreNotListedAsChildren() {
        Region huili = regions.get("513425");
        assertThat(huili.retired()).isTrue();
        assertThat(huili.replacedBy()).isEqualTo("513402");
        assertThat(regions.children("513400")).extracting(Region::code).doesNotContain("513425").contains("513402");
    }

    @Test
    void prefectureCitiesWithoutCountiesAreCitiesNotTheirOwnCounty() {
        for (String code : List.of("441900", "442000", "460400")) {
            assertThat(regions.path(code)).extracting(Region::level)
                    .containsExactly(RegionLevel.PREFECTURE, RegionLevel.PROVINCE, RegionLevel.COUNTRY);
            assertThat(AgencyLevel.of(regions.get(code))).isEqualTo(AgencyLevel.CITY);
        }
        assertThat(regions.path("441900").get(0).name()).isEqualTo("东莞市");
    }

    @Test
    void everyRegionHasAFinitePathToTheCountry() {
        regions.all().forEach(r -> assertThat(regions.path(r.code()).get(regions.path(r.code()).size() - 1).code())
                .isEqualTo(Region.COUNTRY_CODE));
    }

    @Test
    void everyProvinceIsAChildOfTheCountry() {
        assertThat(regions.children("000000")).hasSize(31);
    }
}
