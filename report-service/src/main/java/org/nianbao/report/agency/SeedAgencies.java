package org.nianbao.report.agency;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** The five agencies whose published reports are the project's reference inputs exist after every start. */
@ApplicationScoped
public class SeedAgencies {

    static final List<AgencyInput> SEEDS = List.of(
            new AgencyInput("edu-610600", "延安市教育局", "610600", "EDUCATION", true),
            new AgencyInput("edu-620000", "甘肃省教育厅", "620000", "EDUCATION", true),
            new AgencyInput("edu-430602", "岳阳楼区教育局", "430602", "EDUCATION", true),
            new AgencyInput("edu-140700", "晋中市教育局", "140700", "EDUCATION", true),
            new AgencyInput("edu-640323", "盐池县教育体育局", "640323", "EDUCATION", true));

    void onStart(@Observes StartupEvent ignored, AgencyService agencies) {
        SEEDS.forEach(agencies::ensure);
    }
}
