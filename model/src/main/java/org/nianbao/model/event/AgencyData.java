package org.nianbao.model.event;

import java.time.OffsetDateTime;
import java.util.List;
import org.nianbao.model.region.AgencyLevel;

/**
 * The {@code data} of an agency event: the registry's current state of one agency.
 *
 * @param regionPath the agency's region and its ancestors, nearest first (county → city → province → country)
 * @param active     false once an agency is retired: it is then no longer expected to report
 * @param revision   increases with every change, so a consumer can drop stale copies
 */
public record AgencyData(String agencyId, String name, String regionCode, List<RegionRef> regionPath,
                         String sector, AgencyLevel level, boolean active, long revision,
                         OffsetDateTime updatedAt) {
}
