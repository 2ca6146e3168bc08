package org.nianbao.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    private static Caller overseer(String region) {
        return new Caller("o", Set.of(Caller.OVERSEER), null, region);
    }

    @Test
    void anOverseerSeesItsWholeSubtreeAndNothingBeyond() {
        assertThat(policy.decide("GET", "/api/v1/regions/640323/quality", overseer("640000")).allowed()).isTrue();
        assertThat(policy.decide("GET", "/api/v1/regions/640000/quality", overseer("640000")).allowed()).isTrue();
        assertThat(policy.decide("GET", "/api/v1/regions/000000/quality", overseer("640000")).status()).isEqualTo(403);
        assertThat(policy.decide("GET", "/api/v1/regions/110101/quality", overseer("110000")).allowed())
                .as("a municipality's districts").isTrue();
        assertThat(policy.decide("GET", "/api/v1/regions/429004/quality", overseer("420000")).allowed())
                .as("a province-administered county").isTrue();
        assertThat(policy.decide("GET", "/api/v1/regions/620100/quality", overseer("000000")).allowed())
                .as("a national overseer").isTrue();
    }

    @Test
    void unknownWritesNeedAnAdminAndReadsArePublic() {
        Caller submitter = new Caller("s", Set.of(Caller.SUBMITTER), "edu-640323", null);
        assertThat(policy.decide("PATCH", "/api/v1/agencies/edu-640323/reports/2022", submitter).status()).isEqualTo(403);
        assertThat(policy.decide("POST", "/api/v1/something-new", submitter).status()).isEqualTo(403);
        assertThat(policy.decide("POST", "/api/v1/something-new", null).status()).isEqualTo(401);
        assertThat(policy.decide("GET", "/api/v1/something-new", null).allowed()).isTrue();
    }

    @Test
    void aBatchOfReportsNeedsASubmitterOrAnAdminWhoseAgenciesTheServiceChecks() {
        Caller submitter = new Caller("s", Set.of(Caller.SUBMITTER), "edu-640323", null);
        assertThat(policy.decide("POST", "/api/v1/reports:batch", submitter).allowed()).isTrue();
        assertThat(policy.decide("POST", "/api/v1/reports:batch", new Caller("a", Set.of(Caller.ADMIN), null, null)).allowed()).isTrue();
        assertThat(policy.decide("POST", "/api/v1/reports:batch", overseer("640000")).status()).isEqualTo(403);
        assertThat(policy.decide("POST", "/api/v1/reports:batch", null).status()).isEqualTo(401);
    }
}
