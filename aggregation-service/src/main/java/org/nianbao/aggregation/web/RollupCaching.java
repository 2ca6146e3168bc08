package org.nianbao.aggregation.web;

import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Year;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.nianbao.aggregation.rollup.Watermark;
import org.nianbao.service.web.EntityTags;

/**
 * Entity tags for the roll-up answers, so that a client or cache revalidates instead of fetching again. An answer is
 * made from the live tables, whose state the {@link Watermark} names; the tag is made from that state, the request's
 * path and query, the representation (JSON, CSV or spreadsheet) and the year (which a default such as trend's {@code to}
 * follows). The watermark is read before the answer's own queries, so an answer is never older than its tag: when the
 * tag still matches, nothing the answer shows can have changed, and {@code If-None-Match} gets a 304 without a body.
 * Every answer says {@code Cache-Control: no-cache} (revalidate before each use: the roll-ups change with every
 * accepted report), and quality detail {@code private}, as it is for overseers only.
 */
public class RollupCaching {

    /** The downloadable representations, by the file extension they are saved with. */
    private static final Map<MediaType, String> FILES = Map.of(
            MediaType.valueOf(CsvWriter.TEXT_CSV), "csv", MediaType.valueOf(XlsxWriter.XLSX), "xlsx");
    private static final String WATERMARK = RollupCaching.class.getName() + ".watermark";

    private final AgroalDataSource dataSource;

    RollupCaching(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ServerRequestFilter
    public void readWatermark(ContainerRequestContext request) throws SQLException {
        if (cached(request)) {
            try (Connection c = dataSource.getConnection()) {
                request.setProperty(WATERMARK, Watermark.read(c));
            }
        }
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object watermark = request.getProperty(WATERMARK);
        if (watermark == null || response.getStatus() != 200) {
            return;
        }
        MediaType type = response.getMediaType();
        String representation = type == null ? "" : type.getType() + "/" + type.getSubtype();
        String etag = EntityTags.weakOf((watermark + "\n" + request.getUriInfo().getRequestUri().getRawPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery() + "\n" + representation + "\n" + Year.now())
                .getBytes(StandardCharsets.UTF_8));
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL,
                request.getUriInfo().getPath().endsWith("/quality") ? "private, no-cache" : "no-cache");
        response.getHeaders().putSingle(HttpHeaders.VARY, "Accept");
        String extension = type == null ? null : FILES.get(new MediaType(type.getType(), type.getSubtype()));
        if (extension != null) {
            response.getHeaders().putSingle("Content-Disposition", DownloadName.contentDisposition(
                    request.getUriInfo().getPath(), request.getUriInfo().getRequestUri().getRawQuery(), extension));
        }
        if (EntityTags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove("Content-Disposition");
        }
    }

    /** The roll-up reads: every GET of the API but the administration's. */
    private static boolean cached(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return HttpMethod.GET.equals(request.getMethod()) && path.startsWith("/api/v1/") && !path.startsWith("/api/v1/admin");
    }
}
