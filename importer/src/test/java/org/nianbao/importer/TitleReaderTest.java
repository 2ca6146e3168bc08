package org.nianbao.importer;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TitleReaderTest {

    private final TitleReader reader = new TitleReader(Vocabulary.standard());

    private TitleReader.Title read(String text) {
        return reader.read(TextNormalizer.splitLines(text), TestReports.noDeadline());
    }

    @Test
    void agencyBeforeOrAfterTheYear() {
        assertThat(read("延安市教育局2019年度政府信息公开工作报告")).extracting(TitleReader.Title::agency,
                TitleReader.Title::year).containsExactly("延安市教育局", 2019);
        assertThat(read("盐池县教育体育局 2020 年 政府信息公开工作年度报告")).extracting(TitleReader.Title::agency,
                TitleReader.Title::year).containsExactly("盐池县教育体育局", 2020);
        assertThat(read("2021年度某某省教育厅政府信息公开工作年度报告")).extracting(TitleReader.Title::agency,
                TitleReader.Title::year).containsExactly("某某省教育厅", 2021);
        assertThat(read("信息名称:甘肃省教育厅2019年政府信息公开工作年度报告")).extracting(TitleReader.Title::agency)
                .isEqualTo("甘肃省教育厅");
        assertThat(read("关于某某区教育局2022年政府信息公开工作年度报告")).extracting(TitleReader.Title::agency)
                .isEqualTo("某某区教育局");
    }

    @Test
    void yearWithoutAgency_andYearFromTheReportingPeriod() {
        TitleReader.Title bare = read("2022年政府信息公开工作年度报告");
        assertThat(bare.agency()).isNull();
        assertThat(bare.year()).isEqualTo(2022);

        TitleReader.Title period = read("年度报告\n本年度报告统计数据期限自2023年1月1日至2023年12月31日。");
        assertThat(period.year()).isEqualTo(2023);
        assertThat(period.notes()).anyMatch(n -> n.contains("reporting period"));
    }

    @Test
    void publicationDate_prefersThePublicationLabel() {
        assertThat(read("生效日期: 2017-12-01\n来源: 发布时间:2017-12-06").publishedOn()).isEqualTo(LocalDate.of(2017, 12, 6));
        assertThat(read("时间: 2020-02-04  | 来源:本单位").publishedOn()).isEqualTo(LocalDate.of(2020, 2, 4));
        assertThat(read("发文时间：2021年1月28日").publishedOn()).isEqualTo(LocalDate.of(2021, 1, 28));
        assertThat(read("发布时间:2021-02-30").publishedOn()).isNull();
    }
}
