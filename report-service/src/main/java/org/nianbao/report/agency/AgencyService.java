package org.nianbao.report.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nianbao.model.agency.Sector;
import org.nianbao.model.event.AgencyData;
import org.nianbao.model.event.CloudEvent;
import org.nianbao.model.event.RegionRef;
import org.nianbao.model.event.Topics;
import org.nianbao.model.region.AgencyLevel;
import org.nianbao.model.region.Region;
import org.nianbao.model.region.RegionCatalog;
import org.nianbao.model.region.RegionLevel;
import org.nianbao.model.agency.AgencyId;
import org.nianbao.model.validation.Problem;
import org.nianbao.model.validation.TextCheck;
import org.nianbao.report.outbox.Outbox;
import org.nianbao.service.problem.ApiProblem;

/** The agency registry. Every change is also published to {@link Topics#AGENCIES}. */
@ApplicationScoped
public class AgencyService {

    private final RegionCatalog regions = RegionCatalog.standard();

    @Inject
    Outbox outbox;

    @Transactional
    public AgencyView create(AgencyInput input) {
        String id = input.id() == null || input.id().isBlank() ? defaultId(input) : input.id();
        Checked checked = check(input, id);
        if (Agency.findById(id) != null) {
            throw ApiProblem.conflict("agency " + id + " exists already; PUT /api/v1/agencies/" + id + " changes it");
        }
        Agency agency = new Agency();
        agency.id = id;
        agency.createdAt = now();
        agency.revision = 0;
        apply(agency, input, checked);
        agency.persist();
        publish(agency);
        return view(agency);
    }

    @Transactional
    public AgencyView update(String id, AgencyInput input) {
        Agency agency = Agency.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (agency == null) {
            throw ApiProblem.notFound("no agency " + id + "; POST /api/v1/agencies registers one");
        }
        if (input.id() != null && !input.id().equals(id)) {
            throw ApiProblem.badRequest("the id in the body differs from the path",
                    List.of(new Problem("id", "MISMATCH", null, "an agency's id cannot change", input.id())));
        }
        apply(agency, input, check(input, id));
        publish(agency);
        return view(agency);
    }

    /** Registers the agency unless it exists; used for the seed agencies at start-up. */
    @Transactional
    public void ensure(AgencyInput input) {
        if (Agency.findById(input.id()) == null) {
            create(input);
        }
    }

    /** The agency; none, without asking the database, for a text that is no agency id (a NUL would fail the query). */
    public Optional<Agency> find(String id) {
        return AgencyId.valid(id) ? Optional.ofNullable(Agency.findById(id)) : Optional.empty();
    }

    public AgencyView get(String id) {
        return find(id).map(this::view)
                .orElseThrow(() -> ApiProblem.notFound("no agency " + id));
    }

    public AgencyPage list(String regionPrefix, Sector sector, int page, int size) {
        StringBuilder where = new StringBuilder("1=1");
        var params = new java.util.HashMap<String, Object>();
        if (regionPrefix != null) {
            where.append(" and regionCode like :region");
            params.put("region", regionPrefix + "%");
        }
        if (sector != null) {
            where.append(" and sector = :sector");
            params.put("sector", sector);
        }
        var query = Agency.find(where + " order by id", params);
        List<Agency> found = query.page(page, size).list();
        return new AgencyPage(found.stream().map(this::view).toList(), page, size, query.count());
    }

    public AgencyView view(Agency a) {
        return new AgencyView(a.id, a.name, a.regionCode, regionPath(a.regionCode), a.sector.name(), a.level.name(),
                a.active, a.revision, a.updatedAt);
    }

    public List<RegionRef> regionPath(String regionCode) {
        return regions.path(regionCode).stream().map(r -> new RegionRef(r.code(), r.name(), r.level())).toList();
    }

    private void apply(Agency agency, AgencyInput input, Checked checked) {
        agency.name = input.name().strip();
        agency.regionCode = checked.region().code();
        agency.sector = checked.sector();
        agency.level = AgencyLevel.of(checked.region());
        agency.active = input.active() == null || input.active();
        agency.revision++;
        agency.updatedAt = now();
    }

    private void publish(Agency a) {
        AgencyData data = new AgencyData(a.id, a.name, a.regionCode, regionPath(a.regionCode), a.sector.name(),
                a.level, a.active, a.revision, a.updatedAt);
        outbox.add(Topics.AGENCIES, a.id, CloudEvent.of("agency/" + a.id + "/r" + a.revision, Topics.AGENCY_TYPE,
                "agencies/" + a.id, a.updatedAt, data));
    }

    private record Checked(Region region, Sector sector) {
    }

    private Checked check(AgencyInput input, String id) {
        List<Problem> problems = new ArrayList<>();
        if (!AgencyId.valid(id)) {
            problems.add(new Problem("id", "INVALID_ID", null,
                    "use 2–64 lower-case letters, digits and '-', starting with a letter or digit", id));
        }
        Problem invalidName = TextCheck.problem("name", input.name());
        if (invalidName != null) {
            problems.add(invalidName);
        } else if (input.name() == null || input.name().isBlank()) {
            problems.add(new Problem("name", "REQUIRED", null, "the agency's official name is required", null));
        } else if (input.name().length() > 200) {
            problems.add(new Problem("name", "TOO_LONG", null, "at most 200 characters", input.name().length()));
        }
        Region region = regions.find(input.regionCode()).orElse(null);
        if (region == null || region.level() == RegionLevel.COUNTRY) {
            problems.add(new Problem("regionCode", "UNKNOWN_REGION", null,
                    "not a province, prefecture or county-level code of the division list (6 digits, e.g. 610600)",
                    input.regionCode()));
        }
        Sector sector = Sector.parse(input.sector()).orElse(null);
        if (sector == null) {
            problems.add(new Problem("sector", "UNKNOWN_SECTOR", null, "valid sectors: " + Sector.validCodes(),
                    input.sector()));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("the agency has " + problems.size() + " problem(s)", problems);
        }
        return new Checked(region, sector);
    }

    private static String defaultId(AgencyInput input) {
        String sector = Sector.parse(input.sector()).map(s -> s == Sector.EDUCATION ? "edu" : s.name().toLowerCase()
                .replace('_', '-')).orElse("agency");
        return sector + "-" + input.regionCode();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
