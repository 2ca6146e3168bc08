package org.nianbao.local.demo;

import java.nio.file.Path;
import java.util.List;
import org.nianbao.local.DevTokens;

/** An admin bearer token minted in-process with the local run's signing key, as {@code deploy/token admin} does. */
final class AdminToken {

    private AdminToken() {
    }

    static String mint(Path keyDir, int hours) {
        try {
            return DevTokens.mint(keyDir, "admin", List.of("--hours", String.valueOf(hours)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot mint an admin token with the key in " + keyDir + ": " + e.getMessage()
                    + " (start the suite once with ./run, or pass --token $(deploy/token admin))", e);
        }
    }
}
