package org.nianbao.aggregation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNameTest {

    @Test
    void theFileIsNamedAfterRegionQueryAndParametersWithTheChineseNameInFilenameStar() {
        assertThat(DownloadName.contentDisposition("/api/v1/regions/620000/breakdown", "year=2023&metric=disclosureRate", "csv"))
                .isEqualTo("attachment; filename=\"620000-breakdown-2023-disclosureRate.csv\"; "
                        + "filename*=UTF-8''620000-%E7%94%98%E8%82%83%E7%9C%81-breakdown-2023-disclosureRate.csv");
    }

    @Test
    void listsAndOddCharactersStayWithinTheToken() {
        assertThat(DownloadName.contentDisposition("/api/v1/compare", "regions=620000%2C640000&year=2023&metrics=a\"b;c", "csv"))
                .startsWith("attachment; filename=\"compare-620000_640000-2023-abc.csv\"");
    }

    @Test
    void aSpreadsheetIsNamedTheSameWayWithItsOwnExtension() {
        assertThat(DownloadName.contentDisposition("/api/v1/regions/620000/totals", "year=2023", "xlsx"))
                .isEqualTo("attachment; filename=\"620000-totals-2023.xlsx\"; "
                        + "filename*=UTF-8''620000-%E7%94%98%E8%82%83%E7%9C%81-totals-2023.xlsx");
    }
}
