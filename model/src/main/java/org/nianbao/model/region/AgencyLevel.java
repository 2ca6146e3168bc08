package org.nianbao.model.region;

/**
 * The level of an agency, which follows from its region: a province's bureau is PROVINCE, a prefecture-level
 * city's is CITY, a county-level unit's (county, district, county-level city, development zone) is COUNTY.
 */
public enum AgencyLevel {
    PROVINCE, CITY, COUNTY;

    public static AgencyLevel of(Region region) {
        return switch (region.level()) {
            case PROVINCE -> PROVINCE;
            case PREFECTURE -> CITY;
            case COUNTY -> COUNTY;
            case COUNTRY -> throw new IllegalArgumentException("no agency sits at the country level (" + region.code() + ")");
        };
    }
}
