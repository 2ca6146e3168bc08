package org.nianbao.report.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One immutable version of a report. The cells, texts and warnings are JSON documents (see
 * {@link StoredJson}); a blank cell is absent from {@code cells}, never stored as 0.
 */
@Entity
@Table(name = "report_version")
@IdClass(ReportVersion.Key.class)
public class ReportVersion extends PanacheEntityBase {

    public record Key(String agencyId, int year, int version) implements Serializable {
        public Key() {
            this(null, 0, 0);
        }
    }

    @Id
    @Column(name = "agency_id")
    public String agencyId;

    @Id
    public int year;

    @Id
    public int version;

    public String status;

    public String template;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String cells;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "blank_cells")
    public String blankCells;

    @JdbcTypeCode(SqlTypes.JSON)
    public String texts;

    @JdbcTypeCode(SqlTypes.JSON)
    public String warnings;
}
