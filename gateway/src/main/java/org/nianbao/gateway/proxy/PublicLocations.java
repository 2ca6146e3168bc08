package org.nianbao.gateway.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Rewrites the {@code Location} and {@code Content-Location} of a service's answer to the gateway's public address. A
 * service makes a relative location absolute with the address it was called at (its own, such as
 * http://localhost:8081, or whatever Host the proxy passed), which a client outside cannot or should not reach: every
 * absolute location of an API path is given the public scheme and authority instead. Relative ones already resolve
 * against the address the client called, and locations elsewhere are left alone.
 */
final class PublicLocations {

    private final Optional<URI> configured;

    PublicLocations(Optional<String> publicUrl) {
        this.configured = publicUrl.map(String::strip).filter(u -> !u.isEmpty()).map(URI::create);
    }

    /**
     * @param location     the header's value as the service sent it
     * @param calledScheme the scheme the client called the gateway with
     * @param calledHost   the authority the client called (its Host), or null
     */
    String rewrite(String location, String calledScheme, String calledHost) {
        URI target;
        try {
            target = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        if (!target.isAbsolute() || target.getRawPath() == null || !target.getRawPath().startsWith("/api/")) {
            return location;
        }
        String base = configured.map(u -> u.getScheme() + "://" + u.getRawAuthority() + stripSlash(u.getRawPath()))
                .orElse(calledHost == null ? null : calledScheme + "://" + calledHost);
        if (base == null) {
            return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        }
        return base + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
    }

    private static String stripSlash(String path) {
        return path == null ? "" : path.replaceAll("/+$", "");
    }
}
