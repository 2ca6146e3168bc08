package org.nianbao.gateway;

import io.quarkus.test.common.QuarkusTestResource;

/** Every gateway test runs in front of the real services. */
@QuarkusTestResource(value = SuiteResource.class, restrictToAnnotatedClass = false)
public final class RealSuite {
    private RealSuite() {
    }
}
