package org.nianbao.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes the application under test verify bearer tokens against the test key ({@link TestTokens}). */
public class TokensResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestTokens.verificationConfig();
    }

    @Override
    public void stop() {
        // the key file stays for the JVM's other test classes
    }
}
