package org.nianbao.aggregation.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rebuild writes report states and roll-up rows in COPY's binary format; the live path writes the same values as
 * text. Both must store exactly the same thing: each row here goes in both ways, and PostgreSQL's own text of the
 * stored values is compared.
 */
@QuarkusTest
class BinaryRowsTest {

    private static final String COLUMNS = "id, label, path, on_day, at_time, metric_values, doc, sums, filled";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void tables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("binary_rows_bin", "binary_rows_text")) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE TABLE " + table + " (id integer, label varchar(200), path varchar(6)[], on_day date,"
                        + " at_time timestamptz, metric_values numeric[], doc jsonb, sums numeric[], filled integer[])");
            }
        }
    }

    @AfterEach
    void dropTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE binary_rows_bin, binary_rows_text");
        }
    }

    @Test
    void binaryRowsStoreWhatTheTextFormStores() throws SQLException {
        BigDecimal[] numbers = Arrays.stream(new String[] {"0", "1", "-1", "7", "9999", "10000", "-10000", "123456789012345678",
                        "9223372036854775807", "-9223372036854775808", "10800000000000000012", "0.5", "0.50", "-0.0001",
                        "12345.678", "1E+3", "0.000012345", "100000000.00001", "-98765432109876543210.0123456789", "0.00"})
                .map(BigDecimal::new).toArray(BigDecimal[]::new);
        BigDecimal[] withBlanks = new BigDecimal[numbers.length + 3];
        System.arraycopy(numbers, 0, withBlanks, 1, numbers.length); // blank first, and two blanks at the end after…
        withBlanks[numbers.length + 1] = new BigDecimal("42");      // …a value, then one blank that is cut off below

        RollupDelta delta = new RollupDelta(6);
        delta.add(new MetricPositions.Indexed(new int[] {0, 2, 3}, new BigDecimal[] {
                new BigDecimal("12"), new BigDecimal("0.25"), BigDecimal.ZERO}), +1);
        for (int i = 0; i < 12; i++) { // past the range of a long: the exact part takes over
            delta.add(new MetricPositions.Indexed(new int[] {0, 5}, new BigDecimal[] {
                    new BigDecimal("900000000000000000"), new BigDecimal("-3")}), +1);
        }
        RollupDelta empty = new RollupDelta(0);

        List<Row> rows = List.of(
                new Row(1, "宁夏回族自治区教育厅 (\"quoted\", tab\there)", List.of("640104", "640100", "640000", "000000"),
                        LocalDate.of(2024, 3, 31), OffsetDateTime.parse("2024-01-15T08:30:00.123456789+08:00"),
                        withBlanks, withBlanks.length - 1, "{\"警告\": [1, 2.5], \"a\": null}", delta),
                new Row(2, null, List.of(), null, OffsetDateTime.parse("1999-12-31T23:59:59.9999996Z"),
                        new BigDecimal[0], 0, "[]", empty),
                new Row(3, "ASCII only", List.of("000000"), LocalDate.of(1970, 1, 1),
                        OffsetDateTime.parse("2026-11-23T00:00:00.0000005-05:30"), numbers, numbers.length, "{}", delta));

        BinaryRows binary = new BinaryRows(16);
        for (Row r : rows) {
            binary.row(9).int4(r.id()).text(r.label()).varcharArray(r.path()).date(r.onDay()).timestamptz(r.atTime())
                    .numericArray(r.values(), r.length()).jsonb(r.doc());
            r.delta().appendSums(binary);
            r.delta().appendFilled(binary);
        }
        try (CopyStream copy = new CopyStream(dataSource, "COPY binary_rows_bin (" + COLUMNS + ") FROM STDIN (FORMAT binary)", "test-copy")) {
            copy.send(binary);
            assertThat(copy.finish()).isEqualTo(rows.size());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO binary_rows_text ("
                + COLUMNS + ") VALUES (?, ?, ?::varchar[], ?::date, ?::timestamptz, ?::numeric[], ?::jsonb, ?::numeric[], ?::integer[])")) {
            for (Row r : rows) {
                ps.setInt(1, r.id());
                ps.setString(2, r.label());
                ps.setString(3, "{" + String.join(",", r.path()) + "}");
                ps.setString(4, r.onDay() == null ? null : r.onDay().toString());
                ps.setString(5, r.atTime().toString());
                ps.setString(6, literal(r.values(), r.length()));
                ps.setString(7, r.doc());
                ps.setString(8, r.delta().sumsLiteral());
                ps.setString(9, r.delta().filledLiteral());
                ps.executeUpdate();
            }
        }

        List<String> fromBinary = stored("binary_rows_bin");
        assertThat(fromBinary).hasSize(rows.size());
        assertThat(fromBinary).containsExactlyElementsOf(stored("binary_rows_text"));
        // and what the text form stores is the numbers as given, scale included
        assertThat(fromBinary.get(2)).contains("{0,1,-1,7,9999,10000,-10000,123456789012345678,9223372036854775807,"
                + "-9223372036854775808,10800000000000000012,0.5,0.50,-0.0001,12345.678,1000,0.000012345,100000000.00001,"
                + "-98765432109876543210.0123456789,0.00}");
    }

    /** Each row as PostgreSQL prints it, with each numeric's scale and each array's bounds. */
    private List<String> stored(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, label, path::text, on_day::text, extract(epoch FROM at_time)::text,"
                     + " metric_values::text, array_dims(metric_values), doc::text, sums::text, filled::text FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    fields.add(String.valueOf(rs.getString(i)));
                }
                out.add(String.join(" | ", fields));
            }
        }
        return out;
    }

    private static String literal(BigDecimal[] values, int length) {
        return Arrays.stream(values, 0, length).map(v -> v == null ? "NULL" : v.toPlainString())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private record Row(int id, String label, List<String> path, LocalDate onDay, OffsetDateTime atTime, BigDecimal[] values,
                       int length, String doc, RollupDelta delta) {
    }
}
