package org.nianbao.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicLocationsTest {

    @Test
    void aServiceAddressBecomesTheOneTheClientCalled() {
        PublicLocations called = new PublicLocations(Optional.empty());
        assertThat(called.rewrite("http://localhost:8081/api/v1/agencies/edu-1?x=1", "https", "nianbao.example.gov.cn"))
                .isEqualTo("https://nianbao.example.gov.cn/api/v1/agencies/edu-1?x=1");
        assertThat(called.rewrite("/api/v1/agencies/edu-1", "http", "localhost:8080")).as("relative: already right")
                .isEqualTo("/api/v1/agencies/edu-1");
        assertThat(called.rewrite("https://other.example/elsewhere", "http", "localhost:8080")).as("not the API's")
                .isEqualTo("https://other.example/elsewhere");
    }

    @Test
    void aConfiguredPublicUrlWins() {
        PublicLocations configured = new PublicLocations(Optional.of("https://nianbao.example.gov.cn/gw/"));
        assertThat(configured.rewrite("http://10.0.0.7:8081/api/v1/agencies/edu-1/reports/2020", "http", "localhost:8080"))
                .isEqualTo("https://nianbao.example.gov.cn/gw/api/v1/agencies/edu-1/reports/2020");
    }
}
