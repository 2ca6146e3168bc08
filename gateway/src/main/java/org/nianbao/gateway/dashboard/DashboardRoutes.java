package org.nianbao.gateway.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import org.nianbao.model.agency.Sector;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;

/**
 * What the oversight dashboard needs besides its static files (META-INF/resources/dashboard):
 * <ul>
 * <li>{@code /} and {@code /dashboard} redirect to {@code /dashboard/};</li>
 * <li>{@code /dashboard/reference.json}: the division tree and the sectors, for the region search and the
 * breadcrumb (the APIs have no region list; the tree is the model's vendored one);</li>
 * <li>{@code /_static/echarts/dist/echarts.min.js}: ECharts from the {@code org.mvnpm:echarts} jar without its
 * version in the path, as the web-dependency locator would serve it (that extension is not published for this
 * Quarkus version); the jar's own versioned path {@code /_static/echarts/<version>/...} is served by Quarkus too;</li>
 * <li>security headers on the dashboard's pages: scripts only from this origin, no framing, no sniffing.</li>
 * </ul>
 */
@ApplicationScoped
public class DashboardRoutes {

    static final String ECHARTS = "/_static/echarts/dist/echarts.min.js";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private volatile Asset reference;
    private volatile Asset echarts;

    void install(@Observes Router router) {
        reference();
        echarts();
        // Vert.x matches "/dashboard" for "/dashboard/" too: redirect only the exact paths
        router.get("/").order(-10).handler(ctx -> redirect(ctx, "/", "/dashboard/"));
        router.get("/dashboard").order(-10).handler(ctx -> redirect(ctx, "/dashboard", "/dashboard/"));
        router.route("/dashboard/*").order(-10).handler(this::securityHeaders);
        router.get("/dashboard/reference.json").order(-9).handler(ctx -> send(ctx, reference(), "application/json", "no-cache"));
        router.get(ECHARTS).order(-9).handler(ctx -> send(ctx, echarts(), "text/javascript; charset=utf-8", "public, max-age=86400"));
    }

    private static void redirect(RoutingContext ctx, String from, String to) {
        if (!from.equals(ctx.request().path())) {
            ctx.next();
            return;
        }
        String query = ctx.request().query();
        ctx.response().setStatusCode(302).putHeader("Location", query == null ? to : to + "?" + query).end();
    }

    private void securityHeaders(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            HttpServerResponse r = ctx.response();
            r.headers().set("Content-Security-Policy", CSP);
            r.headers().set("X-Content-Type-Options", "nosniff");
            r.headers().set("X-Frame-Options", "DENY");
            r.headers().set("Referrer-Policy", "no-referrer");
        });
        ctx.next();
    }

    private static void send(RoutingContext ctx, Asset asset, String type, String cacheControl) {
        HttpServerResponse r = ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", cacheControl)
                .putHeader("ETag", asset.etag()).putHeader("Vary", "Accept-Encoding");
        if (asset.etag().equals(ctx.request().getHeader("If-None-Match"))) {
            r.setStatusCode(304).end();
            return;
        }
        String accept = ctx.request().getHeader("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            r.putHeader("Content-Encoding", "gzip").end(Buffer.buffer(asset.gzipped()));
        } else {
            r.end(Buffer.buffer(asset.plain()));
        }
    }

    /** The division tree (current codes only) as [code, name, level, parent] rows, and the sectors with labels. */
    private Asset reference() {
        if (reference == null) {
            ObjectNode root = EventJson.mapper().createObjectNode();
            ArrayNode sectors = root.putArray("sectors");
            for (Sector s : Sector.values()) {
                sectors.addObject().put("code", s.name()).put("label", s.label());
            }
            ArrayNode regions = root.putArray("regions");
            RegionCatalog.standard().all().stream().filter(r -> !r.retired())
                    .sorted(Comparator.comparing(Region::code))
                    .forEach(r -> regions.addArray().add(r.code()).add(r.name()).add(r.level().name()).add(r.parentCode()));
            try {
                reference = Asset.of(EventJson.mapper().writeValueAsBytes(root));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return reference;
    }

    private Asset echarts() {
        if (echarts == null) {
            String version = mvnpmVersion("echarts");
            echarts = Asset.of(resource("META-INF/resources/_static/echarts/" + version + "/dist/echarts.min.js"));
        }
        return echarts;
    }

    /** The version of an org.mvnpm jar on the classpath, from its Maven metadata. */
    static String mvnpmVersion(String artifact) {
        Properties p = new Properties();
        try (InputStream in = open("META-INF/maven/org.mvnpm/" + artifact + "/pom.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] resource(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the classpath (is org.mvnpm:echarts a dependency?)");
        }
        return in;
    }

    private record Asset(byte[] plain, byte[] gzipped, String etag) {
        static Asset of(byte[] plain) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(plain);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Asset(plain, out.toByteArray(), "\"" + Integer.toHexString(java.util.Arrays.hashCode(plain)) + "\"");
        }
    }
}
