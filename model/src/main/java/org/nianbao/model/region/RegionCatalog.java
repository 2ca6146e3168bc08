package org.nianbao.model.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The division tree country → province → prefecture → county, read from the vendored division list.
 * <p>
 * The list's placeholder prefectures (municipalities' 市辖区/县 rows and the 省直辖县级行政区划 rows) are not
 * regions: their county-level units hang directly under the province, as the spec requires.
 */
public final class RegionCatalog {

    private static final String BASE = "/org/nianbao/model/region/";
    /** Prefecture rows that only group county-level units directly administered by the province. */
    private static final Set<String> PLACEHOLDER_PREFECTURES =
            Set.of("1101", "1201", "3101", "5001", "5002", "4190", "4290", "4690", "6590");
    private static final RegionCatalog STANDARD = load();

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;

    private RegionCatalog(Map<String, Region> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<String, List<Region>> kids = new LinkedHashMap<>();
        for (Region r : byCode.values()) {
            if (r.parentCode() != null && !r.retired()) {
                kids.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
    }

    public static RegionCatalog standard() {
        return STANDARD;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown region code " + code));
    }

    public Region country() {
        return byCode.get(Region.COUNTRY_CODE);
    }

    /** The current (not retired) regions directly under {@code code}, in list order. */
    public List<Region> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** The region and its ancestors, nearest first, ending at the country. */
    public List<Region> path(String code) {
        List<Region> path = new ArrayList<>();
        for (Region r = get(code); r != null; r = r.parentCode() == null ? null : byCode.get(r.parentCode())) {
            if (path.contains(r) || path.size() > 4) {
                throw new IllegalStateException("the division list has a cycle at " + r.code());
            }
            path.add(r);
        }
        return List.copyOf(path);
    }

    /** True when {@code code} is {@code ancestor} or lies in its subtree; false for unknown codes. */
    public boolean within(String code, String ancestor) {
        return ancestor != null && find(code).map(r -> path(r.code()).stream().anyMatch(a -> a.code().equals(ancestor)))
                .orElse(false);
    }

    public int size() {
        return byCode.size();
    }

    public java.util.Collection<Region> all() {
        return byCode.values();
    }

    private static RegionCatalog load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        regions.put(Region.COUNTRY_CODE, new Region(Region.COUNTRY_CODE, "全国", RegionLevel.COUNTRY, null, false, null));
        for (String[] row : csv("provinces.csv")) {
            String code = pad(row[0]);
            regions.put(code, new Region(code, row[1], RegionLevel.PROVINCE, Region.COUNTRY_CODE, false, null));
        }
        for (String[] row : csv("cities.csv")) {
            if (PLACEHOLDER_PREFECTURES.contains(row[0])) {
                continue;
            }
            String code = pad(row[0]);
            regions.put(code, new Region(code, row[1], RegionLevel.PREFECTURE, pad(row[2]), false, null));
        }
        for (String[] row : csv("areas.csv")) {
            if (row[0].equals(pad(row[2]))) {
                // 东莞 441900, 中山 442000, 儋州 460400: prefecture-level cities without counties are listed again
                // as their own county-level row; the city is the region
                continue;
            }
            String parent = PLACEHOLDER_PREFECTURES.contains(row[2]) ? pad(row[3]) : pad(row[2]);
            boolean zone = row[0].charAt(4) == '7';
            regions.put(row[0], new Region(row[0], row[1], RegionLevel.COUNTY, parent, zone, null));
        }
        for (String[] row : csv("retired.csv")) {
            regions.putIfAbsent(row[0], new Region(row[0], row[1], RegionLevel.COUNTY, row[2], false, row[3]));
        }
        return new RegionCatalog(regions);
    }

    private static String pad(String code) {
        return (code + "000000").substring(0, 6);
    }

    /** The vendored files are simple: no commas or quotes inside names, header on the first line. */
    private static List<String[]> csv(String file) {
        try (InputStream in = RegionCatalog.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("division list " + file + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",", -1);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cells[i].replace("\"", "").trim();
                    }
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
