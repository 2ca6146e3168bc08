package org.nianbao.model.validation;

import org.junit.jupiter.api.Test;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.Template;
import org.nianbao.model.template.TemplateCatalog;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateYearCheckTest {

    private static Template template(String id) {
        return TemplateCatalog.standard().find(id).orElseThrow();
    }

    @Test
    void aTemplateOutsideItsYearsIsAcceptedWithAWarning() {
        assertThat(TemplateYearCheck.templateYearWarnings(template("GOV_2019"), 2023)).singleElement()
                .satisfies(w -> {
                    assertThat(w.rule()).isEqualTo("T1");
                    assertThat(w.message()).isEqualTo("T1: GOV_2019 is meant for report years 2019–2020; this report is for 2023");
                    assertThat(w.cells()).isEmpty();
                });
        assertThat(TemplateYearCheck.templateYearWarnings(template("GOV_2021"), 2020))
                .extracting(RuleWarning::message).containsExactly(
                        "T1: GOV_2021 is meant for report years 2021 onward; this report is for 2020");
        assertThat(TemplateYearCheck.templateYearWarnings(template("LEGACY"), 2019))
                .extracting(RuleWarning::message).containsExactly(
                        "T1: LEGACY is meant for report years up to 2018; this report is for 2019");
    }

    @Test
    void theTemplateOfTheYearGivesNoWarning() {
        assertThat(TemplateYearCheck.templateYearWarnings(template("GOV_2019"), 2020)).isEmpty();
        assertThat(TemplateYearCheck.templateYearWarnings(template("GOV_2021"), 2024)).isEmpty();
        assertThat(TemplateYearCheck.templateYearWarnings(template("LEGACY"), 2014)).isEmpty();
    }
}
