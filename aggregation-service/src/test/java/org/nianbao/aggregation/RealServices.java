package org.nianbao.aggregation;

import io.quarkus.test.common.QuarkusTestResource;
import org.nianbao.testsupport.KafkaResource;
import org.nianbao.testsupport.PostgresResource;

/** Every test of this module runs against a real PostgreSQL and a real Kafka broker, started once. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
public final class RealServices {
    private RealServices() {
    }
}
