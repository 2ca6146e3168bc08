package org.nianbao.clientcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.client.ApiClient;
import org.nianbao.client.ApiException;
import org.nianbao.client.api.RegionsApi;
import org.nianbao.client.api.ReportsApi;
import org.nianbao.client.api.TemplatesApi;
import org.nianbao.client.model.ActiveDisclosureCells;
import org.nianbao.client.model.ActiveDisclosureCellsLicensing;
import org.nianbao.client.model.RegionTotals;
import org.nianbao.client.model.ReportSubmission;
import org.nianbao.client.model.ReportVersion;
import org.nianbao.client.model.RequestCells;
import org.nianbao.client.model.RequestCellsNewReceived;
import org.nianbao.client.model.Sector;
import org.nianbao.client.model.TemplateId;
import org.nianbao.testsupport.Eventually;
import org.nianbao.testsupport.SuiteProcesses;
import org.nianbao.testsupport.TestTokens;

/**
 * An integrator's view: the Java client that openapi-generator makes from the committed contract
 * (api/nianbao-openapi.json), used unchanged against the real suite through the gateway.
 */
class GeneratedClientTest {

    private static String gateway;

    @BeforeAll
    static void startTheSuite() {
        gateway = SuiteProcesses.start(true).gateway.url();
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    @Test
    void anAgencySubmitsItsReportAndTheProvinceTotalShowsIt() throws Exception {
        ReportSubmission report = new ReportSubmission()
                .template(TemplateId.GOV_2021)
                .publishedOn(LocalDate.of(2023, 1, 20))
                .activeDisclosure(new ActiveDisclosureCells().licensing(new ActiveDisclosureCellsLicensing().decisions(17)))
                .requests(new RequestCells().newReceived(new RequestCellsNewReceived().naturalPerson(5).total(5)));
        ReportsApi reports = new ReportsApi(client(TestTokens.submitter("edu-640323")));
        // without Prefer: return=minimal the answer is the whole version
        ReportVersion stored = reports.submitReport("edu-640323", 2022, report, false, null, "*", null,
                java.util.UUID.randomUUID().toString()).getReportVersion();
        assertThat(stored.getVersion()).isEqualTo(1);
        assertThat(stored.getAgencyName()).isEqualTo("盐池县教育体育局");

        ReportVersion read = new ReportsApi(client(null)).currentReport("edu-640323", 2022, null);
        assertThat(read.getTemplate()).isEqualTo("GOV_2021");

        RegionsApi regions = new RegionsApi(client(null));
        Eventually.assertThat(Duration.ofSeconds(30), () -> {
            try {
                RegionTotals totals = regions.totals("640000", 2022, "ALL", Sector.EDUCATION);
                assertThat(totals.getReports()).isEqualTo(1);
                assertThat(totals.getCells().get("activeDisclosure.licensing.decisions").getSum()).isEqualByComparingTo("17");
                assertThat(totals.getRegion().getName()).isEqualTo("宁夏回族自治区");
            } catch (ApiException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void refusalsArriveAsApiExceptionsWithProblemDetails() {
        ReportsApi stranger = new ReportsApi(client(TestTokens.submitter("edu-610600")));
        ReportSubmission report = new ReportSubmission().template(TemplateId.GOV_2021);
        assertThatThrownBy(() -> stranger.submitReport("edu-640323", 2021, report, false, null, null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getResponseBody()).contains("edu-640323");
                });
    }

    @Test
    void templatesAreReadable() throws Exception {
        var template = new TemplatesApi(client(null)).getTemplate(TemplateId.GOV_2019, null);
        assertThat(template.getId()).isEqualTo("GOV_2019");
        assertThat(template.getTables()).isNotEmpty();
    }
}
