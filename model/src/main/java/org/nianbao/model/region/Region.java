package org.nianbao.model.region;

/**
 * One node of the division tree.
 *
 * @param code            six-digit GB/T 2260 form ({@code 000000} for the country)
 * @param parentCode      null only for the country
 * @param developmentZone a statistical code of the form {@code xxxx7x} (开发区), not a GB/T 2260 division
 * @param replacedBy      for a retired code, the code that replaced it; null otherwise
 */
public record Region(String code, String name, RegionLevel level, String parentCode,
                     boolean developmentZone, String replacedBy) {

    public static final String COUNTRY_CODE = "000000";

    public boolean retired() {
        return replacedBy != null;
    }

    public String provinceCode() {
        return level == RegionLevel.COUNTRY ? null : code.substring(0, 2) + "0000";
    }
}
