package org.nianbao.report.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** The head of one agency's report for one year: which version is current. */
@Entity
@Table(name = "report")
@IdClass(Report.Key.class)
public class Report extends PanacheEntityBase {

    public record Key(String agencyId, int year) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "agency_id")
    public String agencyId;

    @Id
    public int year;

    @Column(name = "current_version")
    public int currentVersion;

    public String status;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
