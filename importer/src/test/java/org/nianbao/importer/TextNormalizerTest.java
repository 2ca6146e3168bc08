package org.nianbao.importer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void traditionalWithPinyin_becomesSimplified() {
        TextNormalizer.Normalized result = normalizer.normalize(TextNormalizer.splitLines(
                "岳陽樓區(qū)教育局2023年政府信息公開年度報(bào)告\n發(fā)布時(shí)間:2024-01-02\n三、本年度辦理結(jié)果\n2.沒有現(xiàn)成信息需要另行製作"), TestReports.noDeadline());

        assertThat(result.lines()).extracting(SourceLine::text).containsExactly(
                "岳阳楼区教育局2023年政府信息公开年度报告", "发布时间:2024-01-02", "三、本年度办理结果",
                "2.没有现成信息需要另行制作");
        assertThat(result.notes()).containsExactly("removed 6 pinyin annotation(s) such as 區(qū) after characters",
                "traditional characters converted to simplified");
    }

    @Test
    void simplifiedText_isLeftAsItIs() {
        List<SourceLine> lines = TextNormalizer.splitLines("成效显著，乾坤朗朗。\r\n（一）予以公开 (PDF)\r\n");
        TextNormalizer.Normalized result = normalizer.normalize(lines, TestReports.noDeadline());

        assertThat(result.lines()).extracting(SourceLine::text)
                .containsExactly("成效显著，乾坤朗朗。", "（一）予以公开 (PDF)", "");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void labelKeys_foldWidthSpacesQuotesAndNumbering() {
        assertThat(LabelKey.of("（二）部分公开（区分处理的，只计这一情形，不计其他情形） |"))
                .isEqualTo("(二)部分公开(区分处理的、只计这一情形、不计其他情形)");
        assertThat(LabelKey.of("结 果 维 持")).isEqualTo("结果维持");
        assertThat(LabelKey.of("3.危及“三安全一稳定”")).isEqualTo(LabelKey.of("3．危及\"三安全一稳定\""));
        assertThat(LabelKey.of("1、属于国家秘密")).isEqualTo("1.属于国家秘密");
        assertThat(LabelKey.withoutNumbering(LabelKey.of("（一）予以公开"))).isEqualTo("予以公开");
        assertThat(LabelKey.unitRemark(LabelKey.of("本年收费金额（单位：万元）"))).isEqualTo("万元");
    }
}
