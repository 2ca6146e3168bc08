// An integrator's TypeScript program: the client openapi-generator made from the committed contract
// (typescript-fetch, target/ts-client), used unchanged against the real suite through the gateway. It calls every
// operation, for its successful answers and for the documented problems it can provoke, and checks each answer against
// the contract: status, headers, and for problems an application/problem+json body read as the ProblemDetail model.
// It prints one JSON line: the answers seen per operation, and every failure.
import {
    AdministrationApi, AgenciesApi, ApiResponse, ComparisonsApi, Configuration, ProblemDetailFromJSON, RegionsApi,
    ReportSubmission, ReportSubmissionFromJSON, ReportsApi, ResponseError, Sector, TemplateId, TemplatesApi,
} from './target/ts-client';

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

const env = (name: string): string => {
    const value = process.env[name];
    if (value === undefined) {
        throw new Error(`${name} is not set: the check is run by TypeScriptClientTest, which starts the suite`);
    }
    return value;
};

const gateway = env('GATEWAY');
const agency = env('AGENCY');
const region = env('REGION');
const province = env('PROVINCE');
const tokens = {
    admin: env('ADMIN_TOKEN'),
    submitter: env('SUBMITTER_TOKEN'),
    stranger: env('STRANGER_TOKEN'),
    overseer: env('OVERSEER_TOKEN'),
};
const report: ReportSubmission = ReportSubmissionFromJSON(JSON.parse(env('REPORT_JSON')));
const documentText = env('IMPORT_TEXT');

const answers: Record<string, number[]> = {};
const failures: string[] = [];

const config = (token?: string) => new Configuration({ basePath: gateway, accessToken: token });

function saw(operation: string, status: number): void {
    (answers[operation] ??= []).push(status);
}

function fail(operation: string, message: string): void {
    failures.push(`${operation}: ${message}`);
}

/** A successful answer, read with the generated model; its status and the named headers are checked. */
async function ok<T>(operation: string, status: number, call: () => Promise<ApiResponse<T>>,
                     headers: string[] = []): Promise<{ value: T; raw: Response } | undefined> {
    try {
        const response = await call();
        if (response.raw.status !== status) {
            fail(operation, `answered ${response.raw.status}, expected ${status}`);
        }
        for (const header of headers) {
            if (!response.raw.headers.get(header)) {
                fail(operation, `answer ${status} has no ${header} header`);
            }
        }
        const value = await response.value();
        saw(operation, response.raw.status);
        return { value, raw: response.raw };
    } catch (e) {
        fail(operation, `expected ${status}: ${await describe(e)}`);
        return undefined;
    }
}

/** A documented problem: the client throws ResponseError, whose body is a ProblemDetail with the same status. */
async function problem(operation: string, status: number, call: () => Promise<unknown>): Promise<void> {
    try {
        await call();
        fail(operation, `succeeded, expected ${status}`);
    } catch (e) {
        if (!(e instanceof ResponseError)) {
            fail(operation, `expected ${status}: ${await describe(e)}`);
            return;
        }
        const response = e.response;
        if (response.status !== status) {
            fail(operation, `answered ${response.status}, expected ${status}: ${await response.text()}`);
            return;
        }
        const type = response.headers.get('content-type') ?? '';
        if (!type.startsWith('application/problem+json')) {
            fail(operation, `${status} came as ${type}, not application/problem+json`);
            return;
        }
        const detail = ProblemDetailFromJSON(await response.json());
        if (detail.status !== status || !detail.title || !detail.type) {
            fail(operation, `${status}: not a complete Problem Details body: ${JSON.stringify(detail)}`);
            return;
        }
        if ((status === 429 || status === 503) && !response.headers.get('retry-after')) {
            fail(operation, `${status} without Retry-After`);
        }
        saw(operation, status);
    }
}

/** 304 Not Modified: no body; the generated client reports it as a ResponseError like every non-2xx answer. */
async function notModified(operation: string, call: () => Promise<unknown>): Promise<void> {
    try {
        await call();
        fail(operation, 'succeeded, expected 304');
    } catch (e) {
        if (e instanceof ResponseError && e.response.status === 304) {
            saw(operation, 304);
        } else {
            fail(operation, `expected 304: ${await describe(e)}`);
        }
    }
}

async function describe(e: unknown): Promise<string> {
    if (e instanceof ResponseError) {
        return `${e.response.status} ${await e.response.text()}`;
    }
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

const key = () => crypto.randomUUID();

async function agencies(): Promise<void> {
    const admin = new AgenciesApi(config(tokens.admin));
    const input = { id: agency, name: '盐池县教育体育局（TypeScript 客户端检查）', regionCode: region, sector: Sector.Education };
    await ok('createAgency', 201, () => admin.createAgencyRaw({ agencyInput: input, idempotencyKey: key() }), ['Location']);
    await problem('createAgency', 409, () => admin.createAgency({ agencyInput: input }));
    await problem('createAgency', 422, () => admin.createAgency({ agencyInput: { ...input, id: undefined, regionCode: '999999' } }));
    await problem('createAgency', 401, () => new AgenciesApi(config()).createAgency({ agencyInput: input }));
    await problem('createAgency', 403, () => new AgenciesApi(config(tokens.submitter)).createAgency({ agencyInput: input }));

    await ok('updateAgency', 200, () => admin.updateAgencyRaw({ id: agency, agencyInput: { ...input, id: undefined } }));
    await problem('updateAgency', 404, () => admin.updateAgency({ id: 'edu-nowhere-to-be-found', agencyInput: { ...input, id: undefined } }));
    await problem('updateAgency', 422, () => admin.updateAgency({ id: agency, agencyInput: { ...input, id: undefined, regionCode: '999999' } }));

    const reader = new AgenciesApi(config());
    const read = await ok('getAgency', 200, () => reader.getAgencyRaw({ id: agency }), ['ETag']);
    if (read) {
        if (read.value.regionCode !== region) {
            fail('getAgency', `regionCode ${read.value.regionCode}, expected ${region}`);
        }
        const etag = read.raw.headers.get('ETag') ?? '';
        await notModified('getAgency', () => reader.getAgency({ id: agency, ifNoneMatch: etag }));
    }
    await problem('getAgency', 404, () => reader.getAgency({ id: 'edu-nowhere-to-be-found' }));

    const page = await ok('listAgencies', 200, () => reader.listAgenciesRaw({ region, sector: Sector.Education }), ['ETag']);
    if (page) {
        if (!page.value.items.some(a => a.id === agency)) {
            fail('listAgencies', `${agency} is not listed in ${region}`);
        }
        const etag = page.raw.headers.get('ETag') ?? '';
        await notModified('listAgencies', () => reader.listAgencies({ region, sector: Sector.Education, ifNoneMatch: etag }));
    }
    await problem('listAgencies', 400, () => reader.listAgencies({ size: 0 }));
}

async function reports(): Promise<void> {
    const submitter = new ReportsApi(config(tokens.submitter));
    const reader = new ReportsApi(config());
    const created = await ok('submitReport', 201,
        () => submitter.submitReportRaw({ agencyId: agency, year: 2020, reportSubmission: report, ifNoneMatch: '*', idempotencyKey: key() }),
        ['ETag', 'Location']);
    if (created && created.value.version !== 1) {
        fail('submitReport', `first version is ${created.value.version}`);
    }
    const etag = created?.raw.headers.get('ETag') ?? '';
    const minimal = await ok('submitReport', 200,
        () => submitter.submitReportRaw({ agencyId: agency, year: 2020, reportSubmission: report, ifMatch: etag, prefer: 'return=minimal' }),
        ['ETag']);
    if (minimal && (minimal.value.version !== 2 || minimal.raw.headers.get('Preference-Applied') !== 'return=minimal'
        || typeof minimal.value.warnings === 'object')) {
        fail('submitReport', `return=minimal did not answer the summary of version 2: ${JSON.stringify(minimal.value)}`);
    }
    await problem('submitReport', 412, () => submitter.submitReport({ agencyId: agency, year: 2020, reportSubmission: report, ifMatch: etag }));
    await problem('submitReport', 422, () => submitter.submitReport({ agencyId: agency, year: 2021,
        reportSubmission: { ...report, requests: { ...report.requests, newReceived: { naturalPerson: -3 } } } }));
    await problem('submitReport', 422, () => submitter.submitReport({ agencyId: agency, year: 1800, reportSubmission: report }));
    await problem('submitReport', 401, () => new ReportsApi(config()).submitReport({ agencyId: agency, year: 2020, reportSubmission: report }));
    await problem('submitReport', 403, () => new ReportsApi(config(tokens.stranger)).submitReport({ agencyId: agency, year: 2020, reportSubmission: report }));
    await problem('submitReport', 404, () => new ReportsApi(config(tokens.admin)).submitReport({ agencyId: 'edu-nowhere-to-be-found', year: 2020, reportSubmission: report }));

    const current = await ok('currentReport', 200, () => reader.currentReportRaw({ agencyId: agency, year: 2020 }), ['ETag']);
    if (current) {
        if (current.value.version !== 2 || current.value.template !== report.template) {
            fail('currentReport', `read version ${current.value.version} of ${current.value.template}`);
        }
        const tag = current.raw.headers.get('ETag') ?? '';
        await notModified('currentReport', () => reader.currentReport({ agencyId: agency, year: 2020, ifNoneMatch: tag }));
    }
    await problem('currentReport', 404, () => reader.currentReport({ agencyId: agency, year: 2019 }));

    const versions = await ok('reportVersions', 200, () => reader.reportVersionsRaw({ agencyId: agency, year: 2020 }));
    if (versions && versions.value.length !== 2) {
        fail('reportVersions', `${versions.value.length} versions, expected 2`);
    }
    await problem('reportVersions', 404, () => reader.reportVersions({ agencyId: agency, year: 2019 }));
    await ok('reportVersion', 200, () => reader.reportVersionRaw({ agencyId: agency, year: 2020, version: 1 }), ['ETag']);
    await problem('reportVersion', 404, () => reader.reportVersion({ agencyId: agency, year: 2020, version: 99 }));

    const page = await ok('listReports', 200, () => reader.listReportsRaw({ region, year: 2020 }));
    if (page && !page.value.items.some(r => r.agencyId === agency)) {
        fail('listReports', `${agency} 2020 is not listed`);
    }
    await problem('listReports', 400, () => reader.listReports({ size: 0 }));

    const batch = await ok('submitBatch', 200, () => submitter.submitBatchRaw({ reportBatch: { reports: [{ ...report, agencyId: agency, year: 2021 }] } }));
    if (batch && batch.value.reports.length !== 1) {
        fail('submitBatch', `stored ${batch.value.reports.length} reports, expected 1`);
    }
    await problem('submitBatch', 422, () => submitter.submitBatch({ reportBatch: { reports: [{ ...report, agencyId: agency }] } }));
    await problem('submitBatch', 401, () => new ReportsApi(config()).submitBatch({ reportBatch: { reports: [{ ...report, agencyId: agency, year: 2021 }] } }));

    const valid = await ok('validateReport', 200, () => submitter.validateReportRaw({ reportSubmission: report }));
    if (valid && !valid.value.valid) {
        fail('validateReport', 'the stored report does not validate');
    }
    await problem('validateReport', 401, () => new ReportsApi(config()).validateReport({ reportSubmission: report }));

    const imported = await ok('importReport', 200, () => submitter.importReportRaw({ body: documentText, year: 2020, agencyId: agency }));
    if (imported && imported.value.stored) {
        fail('importReport', 'stored a report without ?submit=true');
    }
    await problem('importReport', 401, () => new ReportsApi(config()).importReport({ body: documentText }));

    await ok('withdrawReport', 200, () => submitter.withdrawReportRaw({ agencyId: agency, year: 2021, idempotencyKey: key() }));
    await problem('withdrawReport', 409, () => submitter.withdrawReport({ agencyId: agency, year: 2021 }));
    await problem('withdrawReport', 404, () => submitter.withdrawReport({ agencyId: agency, year: 2019 }));
    await problem('withdrawReport', 403, () => new ReportsApi(config(tokens.stranger)).withdrawReport({ agencyId: agency, year: 2020 }));
}

async function templates(): Promise<void> {
    const api = new TemplatesApi(config());
    const catalog = await ok('listTemplates', 200, () => api.listTemplatesRaw({}), ['ETag']);
    if (catalog) {
        if (!catalog.value.templates.some(t => t.id === TemplateId.Gov2019)) {
            fail('listTemplates', 'GOV_2019 is not listed');
        }
        const etag = catalog.raw.headers.get('ETag') ?? '';
        await notModified('listTemplates', () => api.listTemplates({ ifNoneMatch: etag }));
    }
    const template = await ok('getTemplate', 200, () => api.getTemplateRaw({ id: TemplateId.Gov2021 }), ['ETag']);
    if (template) {
        const etag = template.raw.headers.get('ETag') ?? '';
        await notModified('getTemplate', () => api.getTemplate({ id: TemplateId.Gov2021, ifNoneMatch: etag }));
    }
}

/** The roll-ups follow the events; the aggregation may lag the report service a little. */
async function eventually(operation: string, check: () => Promise<string | undefined>): Promise<void> {
    let last: string | undefined = 'not tried';
    for (let attempt = 0; attempt < 60 && last !== undefined; attempt++) {
        last = await check();
        if (last !== undefined) {
            await new Promise(resolve => setTimeout(resolve, 500));
        }
    }
    if (last !== undefined) {
        fail(operation, last);
    }
}

async function aggregates(): Promise<void> {
    const regions = new RegionsApi(config());
    await eventually('totals', async () => {
        const totals = await regions.totals({ code: province, year: 2020, sector: Sector.Education, level: 'ALL' });
        return totals.reports >= 1 ? undefined : `${totals.reports} reports in ${province} 2020`;
    });
    await ok('totals', 200, () => regions.totalsRaw({ code: province, year: 2020 }));
    await problem('totals', 404, () => regions.totals({ code: '990000', year: 2020 }));
    await problem('totals', 400, () => regions.totals({ code: province, year: 1800 }));
    await ok('breakdown', 200, () => regions.breakdownRaw({ code: province, year: 2020, metric: 'requests.newReceived.total' }));
    await problem('breakdown', 404, () => regions.breakdown({ code: '990000', year: 2020, metric: 'requests.newReceived.total' }));
    await ok('trend', 200, () => regions.trendRaw({ code: province, metric: 'requests.newReceived.total', from: 2019, to: 2021 }));
    await problem('trend', 404, () => regions.trend({ code: '990000', metric: 'requests.newReceived.total' }));
    await ok('completeness', 200, () => regions.completenessRaw({ code: province, year: 2020 }));
    await problem('completeness', 404, () => regions.completeness({ code: '990000', year: 2020 }));
    const overseer = new RegionsApi(config(tokens.overseer));
    await ok('quality', 200, () => overseer.qualityRaw({ code: province, year: 2020 }));
    await problem('quality', 401, () => regions.quality({ code: province, year: 2020 }));
    await problem('quality', 403, () => new RegionsApi(config(tokens.submitter)).quality({ code: province, year: 2020 }));

    const comparisons = new ComparisonsApi(config());
    const compared = await ok('compare', 200, () => comparisons.compareRaw({ year: 2020, regions: [province, '620000'],
        metrics: ['requests.newReceived.total', 'disclosureRate'] }));
    if (compared && compared.value.entities.length !== 2) {
        fail('compare', `${compared.value.entities.length} entities compared, expected 2`);
    }
    await problem('compare', 400, () => comparisons.compare({ year: 2020, metrics: ['requests.newReceived.total'] }));
    await ok('rankings', 200, () => comparisons.rankingsRaw({ year: 2020, indicator: 'requests.newReceived.total', order: 'asc' }));
    await problem('rankings', 400, () => comparisons.rankings({ year: 1800 }));
}

async function administration(): Promise<void> {
    const admin = new AdministrationApi(config(tokens.admin));
    await ok('deadLetters', 200, () => admin.deadLettersRaw({ limit: 10 }));
    await problem('deadLetters', 401, () => new AdministrationApi(config()).deadLetters());
    await problem('deadLetters', 403, () => new AdministrationApi(config(tokens.submitter)).deadLetters());
    await ok('rebuildProgress', 200, () => admin.rebuildProgressRaw());
    // last: a rebuild replays every event into fresh roll-ups
    await ok('startRebuild', 202, () => admin.startRebuildRaw());
    await problem('startRebuild', 403, () => new AdministrationApi(config(tokens.overseer)).startRebuild());
}

async function main(): Promise<void> {
    for (const part of [agencies, reports, templates, aggregates, administration]) {
        try {
            await part();
        } catch (e) {
            fail(part.name, `stopped: ${await describe(e)}`);
        }
    }
    console.log(JSON.stringify({ answers, failures }));
    process.exitCode = failures.length === 0 ? 0 : 1;
}

void main();
