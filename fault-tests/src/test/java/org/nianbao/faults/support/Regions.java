package org.nianbao.faults.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;

/** Where the fault tests' agencies sit (宁夏 and 甘肃, every prefecture and county) and which totals they compare. */
public final class Regions {

    private static final List<String> PROVINCES = List.of("640000", "620000");

    private Regions() {
    }

    /** The prefectures and counties of the two provinces, in list order: the agencies' regions, round robin. */
    public static List<String> agencyRegions() {
        RegionCatalog catalog = RegionCatalog.standard();
        List<String> codes = new ArrayList<>();
        for (String province : PROVINCES) {
            for (Region city : catalog.children(province)) {
                codes.add(city.code());
                catalog.children(city.code()).forEach(county -> codes.add(county.code()));
            }
        }
        return codes;
    }

    /** The regions whose totals the tests compare: the country, the two provinces, their prefectures and 宁夏's counties. */
    public static List<String> testRegions() {
        RegionCatalog catalog = RegionCatalog.standard();
        List<String> codes = new ArrayList<>(List.of(Region.COUNTRY_CODE));
        codes.addAll(PROVINCES);
        for (String province : PROVINCES) {
            for (Region city : catalog.children(province)) {
                codes.add(city.code());
                if (province.equals("640000")) {
                    catalog.children(city.code()).forEach(county -> codes.add(county.code()));
                }
            }
        }
        return codes;
    }

    public static String agencyId(String prefix, int n) {
        return prefix + "-" + String.format("%05d", n);
    }

    public static String regionOf(int n) {
        List<String> regions = agencyRegions();
        return regions.get(n % regions.size());
    }

    /** Registers agencies {@code prefix-00000} … in the report service, spread over {@link #agencyRegions()}. */
    public static List<String> register(String prefix, int count, int threads) throws Exception {
        List<String> regions = agencyRegions();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = t;
            futures.add(pool.submit(() -> {
                for (int n = share; n < count; n += threads) {
                    FaultSuite.registerAgency(agencyId(prefix, n), regions.get(n % regions.size()));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        for (int n = 0; n < count; n++) {
            ids.add(agencyId(prefix, n));
        }
        return ids;
    }
}
