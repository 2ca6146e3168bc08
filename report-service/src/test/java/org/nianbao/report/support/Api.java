package org.nianbao.report.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.nianbao.testsupport.TestTokens;

/** Requests as an admin (the role allowed everything), for tests about what the service does, not who may. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.admin());
    }
}
