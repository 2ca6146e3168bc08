package org.nianbao.aggregation.rollup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.nianbao.aggregation.consumer.DeadLetters;
import org.nianbao.model.event.AgencyData;
import org.nianbao.model.event.CloudEvent;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.event.Topics;
import org.nianbao.model.template.TemplateCatalog;

/** Applies a batch of Kafka records to one generation of the state tables in a single transaction. */
@ApplicationScoped
public class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    /** What one batch did. */
    public record Outcome(int applied, int ignored, int unreadable) {
    }

    private final AgroalDataSource dataSource;
    private final RollupStore store;
    private final MetricDictionary dictionary;
    private final TemplateCatalog catalog = TemplateCatalog.standard();
    private final ApplyTimings timings = new ApplyTimings();
    private final DeadLetters deadLetters;

    EventApplier(AgroalDataSource dataSource, RollupStore store, MetricDictionary dictionary, DeadLetters deadLetters) {
        this.dataSource = dataSource;
        this.store = store;
        this.dictionary = dictionary;
        this.deadLetters = deadLetters;
    }

    private long step(ApplyTimings.Step step, long since) {
        long now = System.nanoTime();
        timings.add(step, now - since);
        return now;
    }

    public Outcome apply(List<ConsumerRecord<String, byte[]>> records, Tables tables) throws SQLException {
        long t = System.nanoTime();
        List<ReportData> reports = new ArrayList<>();
        List<Long> inKafkaAt = new ArrayList<>();
        List<AgencyData> agencies = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> unreadable = new ArrayList<>();
        List<String> whyUnreadable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                if (Topics.REPORTS.equals(r.topic())) {
                    CloudEvent<ReportData> e = EventJson.readReport(r.value());
                    reports.add(e.data());
                    inKafkaAt.add(r.timestamp());
                } else if (Topics.AGENCIES.equals(r.topic())) {
                    agencies.add(EventJson.readAgency(r.value()).data());
                }
            } catch (RuntimeException e) {
                // A record no version of this service can read must not stop the partition: it is set aside with
                // the batch, with its coordinates, so it can be inspected and replayed.
                unreadable.add(r);
                whyUnreadable.add(e.getMessage());
            }
        }
        t = step(ApplyTimings.Step.PARSE, t);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (tables == Tables.LIVE) {
                    Tables.holdSwitchLockShared(c);
                }
                t = step(ApplyTimings.Step.BEGIN, t);
                Set<ReportState.Key> keys = new LinkedHashSet<>();
                reports.forEach(e -> keys.add(new ReportState.Key(e.agencyId(), e.year())));
                MetricPositions positions = dictionary.snapshot();
                Map<ReportState.Key, ReportState> stored = store.lockStates(c, tables, positions, keys);
                t = step(ApplyTimings.Step.READ_STATES, t);
                BatchChanges changes = new BatchChanges(catalog, positions, stored);
                reports.forEach(changes::report);
                agencies.forEach(changes::agency);
                t = step(ApplyTimings.Step.FOLD, t);
                store.writeStates(c, tables, changes);
                t = step(ApplyTimings.Step.WRITE_STATES, t);
                store.writeRollups(c, tables, changes);
                t = step(ApplyTimings.Step.WRITE_ROLLUPS, t);
                for (int i = 0; i < unreadable.size(); i++) {
                    deadLetters.setAside(c, unreadable.get(i), whyUnreadable.get(i));
                }
                if (tables == Tables.LIVE) {
                    Watermark.advance(c, records);
                }
                c.commit();
                step(ApplyTimings.Step.COMMIT, t);
                if (tables == Tables.LIVE) {
                    timings.staleness(reports.stream().mapToLong(e -> e.submittedAt().toInstant().toEpochMilli()).toArray(),
                            inKafkaAt.stream().mapToLong(Long::longValue).toArray(), System.currentTimeMillis());
                }
                timings.batchDone(records.size(), text -> LOG.infof("%s (%s)", text, tables == Tables.LIVE ? "live" : "rebuild"));
                return new Outcome(changes.applied(), changes.ignored(), unreadable.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
