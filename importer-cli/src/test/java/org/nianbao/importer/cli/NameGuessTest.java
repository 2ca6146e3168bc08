package org.nianbao.importer.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameGuessTest {

    @Test
    void agencyBeforeTheYear() {
        assertThat(NameGuess.of("沭阳县发展和改革局2023年政府信息公开年度报告.pdf"))
                .isEqualTo(new NameGuess("沭阳县发展和改革局", 2023));
        assertThat(NameGuess.of("平潭综合实验区财政金融局2020年度政府信息公开工作年度报告.html"))
                .isEqualTo(new NameGuess("平潭综合实验区财政金融局", 2020));
        assertThat(NameGuess.of("沭阳县人民政府 2025 年 政府信息公开工作年度报告.txt"))
                .isEqualTo(new NameGuess("沭阳县人民政府", 2025));
    }

    @Test
    void agencyAfterTheYear() {
        assertThat(NameGuess.of("2024年上海市科委政府信息公开工作年度报告.docx")).isEqualTo(new NameGuess("上海市科委", 2024));
    }

    @Test
    void whatTheNameDoesNotTellPlainly_isNull() {
        assertThat(NameGuess.of("hongze-qzf-2024.pdf")).isEqualTo(new NameGuess(null, 2024));
        assertThat(NameGuess.of("2023年度报告.pdf")).isEqualTo(new NameGuess(null, 2023));
        assertThat(NameGuess.of("report.pdf")).isEqualTo(NameGuess.NONE);
        assertThat(NameGuess.of("80576_政府信息公开工作年度报告.htm")).isEqualTo(NameGuess.NONE);
        assertThat(NameGuess.of("某局2022年报告（2023年修订）.docx")).as("two years: neither is taken")
                .extracting(NameGuess::year).isNull();
    }
}
