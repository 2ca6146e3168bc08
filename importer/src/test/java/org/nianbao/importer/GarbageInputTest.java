package org.nianbao.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nianbao.importer.TestReports.IMPORTER;

/** Input that is no report is refused with a message for the person who sent it; nothing is imported. */
class GarbageInputTest {

    @Test
    void emptyOrWhitespace() {
        assertThatThrownBy(() -> IMPORTER.importText("")).isInstanceOf(ImportException.class)
                .hasMessage("The text is empty: there is nothing to import.");
        assertThatThrownBy(() -> IMPORTER.importText(" \n\t\u3000\n ")).isInstanceOf(ImportException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> IMPORTER.importText(null)).isInstanceOf(ImportException.class);
        assertThatThrownBy(() -> IMPORTER.importHtml("  ")).isInstanceOf(ImportException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> IMPORTER.importHtml("<html><body><div> </div><script>x()</script></body></html>"))
                .isInstanceOf(ImportException.class).hasMessageContaining("no text");
    }

    @Test
    void textWithoutReportStructure() {
        for (String garbage : new String[]{"hello world", "今天天气很好，我们去公园散步，买了3个苹果。",
                "PK\u0003\u0004\u0000\u0000binary\u0001\u0002", "1 2 3\n4 5 6\n"}) {
            assertThatThrownBy(() -> IMPORTER.importText(garbage)).as(garbage).isInstanceOf(ImportException.class)
                    .hasMessageContaining("does not look like an annual report")
                    .hasMessageContaining("政府信息公开工作年度报告");
        }
        assertThatThrownBy(() -> IMPORTER.importHtml("<html><body><p>商品目录</p><table><tr><td>苹果</td><td>3</td></tr></table></body></html>"))
                .isInstanceOf(ImportException.class).hasMessageContaining("does not look like an annual report");
    }
}
