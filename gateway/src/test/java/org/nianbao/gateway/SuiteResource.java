package org.nianbao.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.nianbao.testsupport.ServiceProcess;
import org.nianbao.testsupport.SuiteProcesses;
import org.nianbao.testsupport.TestTokens;

/** The real services behind the gateway under test (PostgreSQL and Kafka in-process, services as processes). */
public class SuiteResource implements QuarkusTestResourceLifecycleManager {

    static ServiceProcess reportService;
    static ServiceProcess aggregationService;

    @Override
    public Map<String, String> start() {
        SuiteProcesses suite = SuiteProcesses.start(false);
        reportService = suite.reportService;
        aggregationService = suite.aggregationService;
        Map<String, String> config = new HashMap<>(TestTokens.verificationConfig());
        config.put("nianbao.gateway.report-service", reportService.url());
        config.put("nianbao.gateway.aggregation-service", aggregationService.url());
        return config;
    }

    @Override
    public void stop() {
        // the processes stop with the JVM (SuiteProcesses' shutdown hook)
    }
}
