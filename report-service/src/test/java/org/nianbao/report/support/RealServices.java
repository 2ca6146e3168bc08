package org.nianbao.report.support;

import io.quarkus.test.common.QuarkusTestResource;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.PostgresResource;
import org.nianbao.testsupport.TokensResource;

/** Every test of this module runs against a real PostgreSQL and a real Kafka broker, started once, and trusts the test tokens. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TokensResource.class, restrictToAnnotatedClass = false)
public final class RealServices {
    private RealServices() {
    }
}
