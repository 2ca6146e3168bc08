package org.nianbao.aggregation.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.aggregation.query.Views.CellTotal;
import org.nianbao.model.template.TemplateCatalog;

/** A region's cell totals: listed in code order, and written exactly as Jackson writes the same map. */
class CellTotalsTest {

    private static final List<String> CATALOG_CODES = new ArrayList<>(TemplateCatalog.standard().metricCodes());

    @Test
    void totalsAreListedInCodeOrderWhateverOrderTheRowHoldsThem() {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (int i = CATALOG_CODES.size() - 1; i >= 0; i -= 3) { // a third of them, backwards
            sums.put(CATALOG_CODES.get(i), BigDecimal.valueOf(i));
        }

        Map<String, CellTotal> totals = CellTotals.inCodeOrder(sums, (code, sum) -> new CellTotal(sum, 1, CellTotals.label(code)));

        assertThat(totals.keySet()).containsExactlyElementsOf(sums.keySet().stream().sorted().toList());
        String code = CATALOG_CODES.get(CATALOG_CODES.size() - 1);
        assertThat(totals.get(code).label()).isEqualTo(TemplateCatalog.standard().metricLabel(code).orElseThrow());
    }

    @Test
    void aMetricTheCatalogNoLongerHasKeepsItsPlaceAndIsLabelledByItsCode() {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        sums.put("zzz.retired", BigDecimal.ONE);
        sums.put("activeDisclosure.fees.amount", BigDecimal.TEN);
        sums.put("aaa.retired", BigDecimal.valueOf(2));

        Map<String, CellTotal> totals = CellTotals.inCodeOrder(sums, (code, sum) -> new CellTotal(sum, 1, CellTotals.label(code)));

        assertThat(totals.keySet()).containsExactly("aaa.retired", "activeDisclosure.fees.amount", "zzz.retired");
        assertThat(totals.get("zzz.retired").label()).isEqualTo("zzz.retired");
    }

    @Test
    void theJsonIsWhatJacksonWritesForTheSameMap() throws Exception {
        Map<String, CellTotal> totals = new LinkedHashMap<>();
        totals.put("activeDisclosure.fees.amount", new CellTotal(new BigDecimal("229.17"), 27, CellTotals.label("activeDisclosure.fees.amount")));
        totals.put("requests.newReceived.total", new CellTotal(new BigDecimal("6.5E+3"), 28, CellTotals.label("requests.newReceived.total")));
        totals.put("requests.carriedOver.total", new CellTotal(BigDecimal.ZERO, 3, "a label \"quoted\" by a caller"));
        totals.put("retired.metric", new CellTotal(new BigDecimal("-4"), 1, null));
        totals.put("retired.blank", new CellTotal(null, 0, "retired.blank"));
        ObjectMapper plain = new ObjectMapper().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
        @SuppressWarnings({"unchecked", "rawtypes"})
        ObjectMapper ours = plain.copy().registerModule(new SimpleModule().addSerializer((Class) Map.class, new CellTotals.Json()));

        String written = ours.writeValueAsString(totals);

        assertThat(written).isEqualTo(plain.writeValueAsString(totals)).contains("\"sum\":6500,").contains("一、");
    }
}
