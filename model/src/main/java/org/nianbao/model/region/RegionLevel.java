package org.nianbao.model.region;

/** Where a region sits in the administrative tree (GB/T 2260). */
public enum RegionLevel {
    COUNTRY, PROVINCE, PREFECTURE, COUNTY
}
