package org.nianbao.report.report;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.nianbao.model.validation.ReportDates;

/** The clock that tells which report years and publication dates are past: the date in China, where reports are dated. */
public class ServiceClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ReportDates.ZONE);
    }
}
