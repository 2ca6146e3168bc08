package org.nianbao.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.nianbao.model.event.AgencyData;
import org.nianbao.model.event.CloudEvent;
import org.nianbao.model.event.EventJson;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.event.ReportData;
import org.nianbao.model.event.Topics;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.rules.RuleWarning;
import org.nianbao.model.template.TemplateCatalog;
import org.nianbao.model.validation.ParseResult;
import org.nianbao.model.validation.SubmissionParser;

/**
 * Publishes report and agency events exactly as the report service does (same topics, keys and CloudEvents
 * JSON), for tests of the services that consume them.
 */
public final class ReportEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    private ReportEvents(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Connects to the test broker and creates the topics if the report service has not. */
    public static ReportEvents connect() {
        String bootstrap = KafkaResource.bootstrapServers();
        createTopics(bootstrap);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new ReportEvents(new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()));
    }

    /** An agency as registered; regionPath and level follow from the region code. */
    public void agency(String agencyId, String name, String regionCode, String sector, boolean active, long revision) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        AgencyData data = new AgencyData(agencyId, name, regionCode, path(regionCode), sector, level(regionCode), active,
                revision, now);
        send(Topics.AGENCIES, agencyId, CloudEvent.of("agency/" + agencyId + "/r" + revision, Topics.AGENCY_TYPE,
                "agencies/" + agencyId, now, data));
    }

    /** One accepted version of a report. */
    public void version(String agencyId, String name, String regionCode, String sector, int year, String template,
                        int version, LocalDate publishedOn, Map<String, BigDecimal> cells, List<RuleWarning> warnings) {
        send(agencyId, name, regionCode, sector, year, template, version, ReportData.ACTIVE, publishedOn, cells, warnings);
    }

    /** The version that withdraws a report. */
    public void withdrawal(String agencyId, String name, String regionCode, String sector, int year, int version) {
        send(agencyId, name, regionCode, sector, year, "GOV_2021", version, ReportData.WITHDRAWN, null, Map.of(), List.of());
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The filled cells of a fixture report ({@code /fixtures/reports/…json}), as the report service stores them. */
    public static Map<String, BigDecimal> fixtureCells(String file) {
        try (InputStream in = ReportEvents.class.getResourceAsStream("/fixtures/reports/" + file)) {
            JsonNode body = EventJson.mapper().readTree(in);
            ParseResult parsed = new SubmissionParser(TemplateCatalog.standard()).parse(body);
            if (!parsed.valid()) {
                throw new IllegalStateException("fixture " + file + " is invalid: " + parsed.problems());
            }
            return parsed.report().cells();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(String agencyId, String name, String regionCode, String sector, int year, String template,
                      int version, String status, LocalDate publishedOn, Map<String, BigDecimal> cells,
                      List<RuleWarning> warnings) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ReportData data = new ReportData(agencyId, name, regionCode, path(regionCode), sector, level(regionCode), year,
                template, publishedOn, version, version > 1 ? version - 1 : null, status, now, cells, warnings);
        String key = Topics.reportKey(agencyId, year);
        send(Topics.REPORTS, key, CloudEvent.of(key + "/v" + version, status.equals(ReportData.WITHDRAWN)
                ? Topics.REPORT_WITHDRAWN_TYPE : Topics.REPORT_VERSION_TYPE, "agencies/" + agencyId + "/reports/" + year, now, data));
    }

    private void send(String topic, String key, CloudEvent<?> event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, EventJson.write(event))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    private static List<RegionRef> path(String regionCode) {
        return RegionCatalog.standard().path(regionCode).stream().map(r -> new RegionRef(r.code(), r.name(), r.level())).toList();
    }

    private static AgencyLevel level(String regionCode) {
        return AgencyLevel.of(RegionCatalog.standard().get(regionCode));
    }

    private static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(new NewTopic(Topics.REPORTS, 6, (short) 1), new NewTopic(Topics.AGENCIES, 3, (short) 1))
                    .stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> t.configs(Map.of("cleanup.policy", "compact"))).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create the topics: " + e.getMessage(), e);
        }
    }
}
