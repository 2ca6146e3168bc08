package org.nianbao.model.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nianbao.model.region.AgencyLevel;

class RenderedCellsTest {

    private static final SortedMap<String, BigDecimal> CELLS = new TreeMap<>(Map.of(
            "requests.results.granted.total", new BigDecimal("228"),
            "activeDisclosure.fees.amount", new BigDecimal("1.50"),
            "requests.newRequests.naturalPerson", new BigDecimal("1E+2"))); // written plain: 100

    @Test
    void anEventWithRenderedCellsIsByteForByteTheEventWithAPlainMap() {
        byte[] plain = EventJson.write(event(new TreeMap<>(CELLS)));
        byte[] rendered = EventJson.write(event(RenderedCells.of(CELLS)));

        assertArrayEquals(plain, rendered);
        Map<String, BigDecimal> read = EventJson.readReport(rendered).data().cells();
        assertEquals(new BigDecimal("1.50"), read.get("activeDisclosure.fees.amount"));
        assertEquals(new BigDecimal("100"), read.get("requests.newRequests.naturalPerson"));
    }

    @Test
    void theJsonIsTheStoredFormOfTheCells() throws Exception {
        RenderedCells cells = RenderedCells.of(CELLS);

        assertEquals("{\"activeDisclosure.fees.amount\":1.50,\"requests.newRequests.naturalPerson\":100,"
                + "\"requests.results.granted.total\":228}", cells.json());
        assertEquals(cells.json(), EventJson.mapper().writeValueAsString(cells));
        assertEquals(CELLS, cells);
    }

    private static CloudEvent<ReportData> event(Map<String, BigDecimal> cells) {
        OffsetDateTime at = OffsetDateTime.of(2024, 1, 20, 9, 30, 0, 0, ZoneOffset.UTC);
        ReportData data = new ReportData("edu-610600", "延安市教育局", "610600", List.of(), "EDUCATION", AgencyLevel.CITY,
                2023, "GOV_2021", LocalDate.of(2024, 1, 20), 2, 1, ReportData.ACTIVE, at, cells, List.of());
        return CloudEvent.of("edu-610600/2023/v2", Topics.REPORT_VERSION_TYPE, "agencies/edu-610600/reports/2023", at, data);
    }
}
