package org.nianbao.model.event;

import org.nianbao.model.region.RegionLevel;

/** A region as carried in events, so a consumer needs no division list of its own to roll up. */
public record RegionRef(String code, String name, RegionLevel level) {
}
