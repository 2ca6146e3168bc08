package org.nianbao.importer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The importer's own data ({@code vocabulary.json}): spellings real reports use for catalog labels, headings of older
 * reports, blank marks, units, page footers, the topics of prose figures. The catalog stays the one definition of
 * the format; this file only says how published pages deviate from it.
 */
@JsonIgnoreProperties("_about")
record Vocabulary(Map<String, List<String>> labelAliases, Map<String, List<String>> sectionAliases,
                  List<String> blankMarks, List<String> countUnits, Map<String, BigDecimal> amountUnits,
                  List<String> footerMarkers, List<String> publicationDateLabels, List<String> titleLabelPrefixes,
                  List<String> proseTopics, List<String> proseUnits) {

    Vocabulary {
        // a missing list is a broken file, not an empty vocabulary: fail when it loads
        for (Object part : new Object[]{labelAliases, sectionAliases, blankMarks, countUnits, amountUnits,
                footerMarkers, publicationDateLabels, titleLabelPrefixes, proseTopics, proseUnits}) {
            if (part == null) {
                throw new IllegalStateException("vocabulary.json: a section is missing");
            }
        }
    }

    private static final String RESOURCE = "/org/nianbao/importer/vocabulary.json";

    static Vocabulary standard() {
        return Standard.VOCABULARY;
    }

    /** Aliases of a catalog label (not including the label itself). */
    List<String> aliasesOf(String label) {
        return labelAliases.getOrDefault(label, List.of());
    }

    /** Units longest first, so that 人次 wins over 次 and 万元 over 元. */
    static List<String> longestFirst(List<String> units) {
        return units.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static final class Standard {
        static final Vocabulary VOCABULARY = load();

        private static Vocabulary load() {
            ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return json.readValue(in, Vocabulary.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
