/*
 * Nianbao oversight dashboard: plain JS over the gateway's /api/v1, charts with ECharts.
 *
 * Rule: text that comes from reports, agencies or the APIs (agency names, warning messages, problem details)
 * is only ever put into the page as text — createElement + textContent/append(string), never innerHTML —
 * so a name such as "<script>…" shows as those characters and does nothing.
 *
 * State lives in the URL hash (#r=630000&s=EDUCATION&y=2023&l=ALL&m=…&c=…): links can be shared, the
 * browser's back button goes back up a drill-down, and tests can open a given view.
 * body[data-pending] counts the API requests in flight (0 when the page has settled).
 */
(() => {
  'use strict';

  const API = '/api/v1';
  const TOKEN_KEY = 'nianbao.dashboard.token';
  const DASH = '—';
  const COUNTRY = '000000';
  const FIRST_YEAR = 2008;
  const THIS_YEAR = new Date().getFullYear();
  const LEVELS = [['ALL', '全部机构 All'], ['PROVINCE', '省级机构 Province'], ['CITY', '市级机构 City'], ['COUNTY', '县级机构 County']];
  const REGION_LEVEL = { COUNTRY: '全国', PROVINCE: '省级', PREFECTURE: '地级', COUNTY: '县级' };
  const AGENCY_LEVEL = { PROVINCE: '省级机构', CITY: '市级机构', COUNTY: '县级机构' };
  const KPI_CELLS = ['requests.newReceived.total', 'requests.outcome.total.total'];
  const KPI_INDICATORS = ['disclosureRate', 'withheldRate', 'carryForwardRate'];
  const DEFAULT_METRIC = 'requests.newReceived.total';
  const DEFAULT_COMPARE = ['requests.newReceived.total', 'requests.outcome.total.total', 'disclosureRate', 'withheldRate', 'carryForwardRate'];
  const MAX_COMPARE = 20;

  // ------------------------------------------------------------------ DOM helpers (text only)

  /** createElement with attributes and children; strings become text nodes. Never parses markup. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v == null || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k === 'dataset') Object.assign(el.dataset, v);
        else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      el.append(c instanceof Node ? c : String(c));
    }
    return el;
  }
  const $ = (id) => document.getElementById(id);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // ------------------------------------------------------------------ formatting

  const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
  const isBlank = (v) => v === null || v === undefined || v === '';
  function num(v) {
    return isBlank(v) ? DASH : integer.format(Number(v));
  }
  function pct(v, signed) {
    if (isBlank(v)) return DASH;
    const s = (Number(v) * 100).toFixed(1) + '%';
    return signed && Number(v) > 0 ? '+' + s : s;
  }

  // ------------------------------------------------------------------ state

  const state = {
    region: COUNTRY, sector: 'EDUCATION', year: THIS_YEAR - 1, level: 'ALL', metric: DEFAULT_METRIC,
    compare: null, compareMetrics: DEFAULT_COMPARE.slice(),
    rankBy: 'disclosureRate', rankScope: '', rankScopeAuto: false, rankOrder: 'desc', drillSort: 'list',
  };
  let lastBreakdown = null;
  const data = { totals: null, completeness: null };
  let reference = null;   // { sectors, regions: Map code → {code, name, level, parent} }
  let catalog = null;     // labels from the templates API
  let pending = 0;

  function busy(delta) {
    pending += delta;
    document.body.dataset.pending = String(pending);
  }

  function token() {
    try {
      return sessionStorage.getItem(TOKEN_KEY) || '';
    } catch (e) {
      return '';
    }
  }

  // ------------------------------------------------------------------ API

  class ApiError extends Error {
    constructor(status, problem, text) {
      super(text || (problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
    describe() {
      const p = this.problem;
      if (!p) return this.status ? 'HTTP ' + this.status + ': ' + this.message : this.message;
      const lines = [(p.title || 'Error') + ' (' + (p.status || this.status) + ')' + (p.detail ? ': ' + p.detail : '')];
      for (const e of p.errors || []) lines.push('· ' + (e.field ? e.field + ': ' : '') + (e.message || e.type || ''));
      return lines.join('\n');
    }
  }

  /** GET through the gateway; JSON by default, a Blob for CSV. Retries a 429 after Retry-After. */
  async function request(path, { auth = false, accept = 'application/json' } = {}) {
    const headers = { Accept: accept };
    if (auth && token()) headers.Authorization = 'Bearer ' + token();
    busy(+1);
    try {
      for (let attempt = 0; ; attempt++) {
        let r;
        try {
          r = await fetch(path, { headers, credentials: 'same-origin' });
        } catch (e) {
          throw new ApiError(0, null, '网络错误 network error: ' + e.message);
        }
        if (r.status === 429 && attempt < 4) {
          await sleep(Math.min(5, Number(r.headers.get('Retry-After')) || 1) * 1000);
          continue;
        }
        if (!r.ok) {
          let problem = null;
          try {
            problem = await r.json();
          } catch (e) {
            problem = null;
          }
          throw new ApiError(r.status, problem);
        }
        return accept === 'application/json' ? await r.json() : await r.blob();
      }
    } finally {
      busy(-1);
    }
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (!isBlank(v)) q.set(k, String(v));
    return q.toString();
  }

  /** The URL each table was last loaded from, for its CSV export. */
  const csvSources = {};

  async function downloadCsv(name) {
    const source = csvSources[name];
    if (!source) return;
    const card = document.querySelector('[data-csv="' + name + '"]').closest('.card');
    try {
      const blob = await request(source.url, { auth: source.auth, accept: 'text/csv' });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: source.file });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      showStatus(card, e);
    }
  }

  // ------------------------------------------------------------------ reference data: divisions, sectors, labels

  async function loadReference() {
    busy(+1);
    try {
      const r = await fetch('reference.json', { headers: { Accept: 'application/json' } });
      if (!r.ok) throw new ApiError(r.status, null, 'reference.json: HTTP ' + r.status);
      const json = await r.json();
      const regions = new Map();
      for (const [code, name, level, parent] of json.regions) regions.set(code, { code, name, level, parent, children: [] });
      for (const region of regions.values()) {
        const parent = region.parent && regions.get(region.parent);
        if (parent) parent.children.push(region);
      }
      reference = { sectors: json.sectors, regions };
    } finally {
      busy(-1);
    }
  }

  /** Labels of every cell, group and indicator, from GET /api/v1/templates (all templates). */
  async function loadCatalog() {
    const json = await request(API + '/templates');
    const sections = new Map(json.sections.map((s) => [s.code, s]));
    const byTemplate = new Map();
    const any = new Map();
    for (const t of json.templates) {
      const labels = new Map();
      for (const table of t.tables) {
        for (const row of table.rows) {
          const columns = row.columns && row.columns.length ? row.columns : table.columns;
          for (const col of columns) {
            const code = table.section + '.' + row.code + '.' + col.code;
            labels.set(code, { label: row.label + '：' + fullColumn(col), row: row.label, column: fullColumn(col), block: row.block, unit: col.unit, section: table.section });
          }
        }
      }
      for (const g of t.groups || []) {
        const table = t.tables.find((tb) => tb.section === g.section);
        for (const c of g.columnCodes) {
          const col = table && (table.columns.find((x) => x.code === c));
          const column = col ? fullColumn(col) : c;
          labels.set(g.code + '.' + c, { label: g.label + '：' + column, row: g.label, column, block: null, unit: col && col.unit, section: g.section, group: true });
        }
      }
      byTemplate.set(t.id, labels);
      for (const [code, l] of labels) if (!any.has(code)) any.set(code, l);
    }
    catalog = {
      sections, templates: json.templates, byTemplate, any,
      indicators: new Map(json.indicators.map((i) => [i.code, i])),
      rules: new Map(json.rules.map((r) => [r.id, r])),
    };
  }

  function fullColumn(col) {
    return col.heading ? col.heading + '·' + col.label : col.label;
  }

  function templateFor(year) {
    return catalog.templates.find((t) => (t.years.from == null || year >= t.years.from) && (t.years.to == null || year <= t.years.to));
  }

  function isIndicator(code) {
    return catalog.indicators.has(code);
  }

  /** The label facts of a metric for the selected year's template (falling back to any template). */
  function metricInfo(code) {
    if (isIndicator(code)) {
      const i = catalog.indicators.get(code);
      return { label: i.label, row: i.label, column: '', indicator: i };
    }
    const t = templateFor(state.year);
    return (t && catalog.byTemplate.get(t.id).get(code)) || catalog.any.get(code) || null;
  }

  function metricLabel(code, fallback) {
    const info = metricInfo(code);
    if (!info) return fallback || code;
    if (info.indicator) return info.label;
    return (info.block ? info.block + ' · ' : '') + info.label + (info.unit ? '（' + info.unit + '）' : '');
  }

  function metricValue(code, v) {
    if (isIndicator(code)) return pct(v, catalog.indicators.get(code).kind === 'growth');
    return num(v);
  }

  /** Options for the metric pickers: indicators, then the year's template sections. */
  function metricOptions() {
    const groups = [{ label: '指标 Indicators', items: [...catalog.indicators.values()].map((i) => [i.code, i.label]) }];
    const t = templateFor(state.year) || catalog.templates.find((x) => x.id === 'GOV_2021');
    for (const table of t.tables) {
      const section = catalog.sections.get(table.section);
      const items = [];
      const labels = catalog.byTemplate.get(t.id);
      if (table.columns.length) {
        const totalColumn = table.columns.find((c) => c.code === 'total');
        const rowItems = table.rows.map((row) => ({ code: row.code }));
        // groups (subtotals) right after their last row
        for (const g of (t.groups || []).filter((x) => x.section === table.section)) {
          const last = Math.max(...g.rowCodes.map((rc) => rowItems.findIndex((x) => x.code === rc)));
          if (last >= 0) rowItems.splice(last + 1, 0, { code: g.code.slice(table.section.length + 1), group: true });
        }
        for (const row of rowItems) {
          const columns = totalColumn && table.section === 'requests' ? [totalColumn] : table.columns;
          for (const col of columns) {
            const code = table.section + '.' + row.code + '.' + col.code;
            const l = labels.get(code);
            if (l) items.push([code, (l.block && !row.group ? l.block.replace(/^[一二三四五六七八九十]+、/, '') + ' ' : '') + l.label]);
          }
        }
      } else {
        for (const row of table.rows) {
          for (const col of row.columns) {
            const code = table.section + '.' + row.code + '.' + col.code;
            const l = labels.get(code);
            if (l) items.push([code, l.label + (l.unit ? '（' + l.unit + '）' : '')]);
          }
        }
      }
      groups.push({ label: section.number + '、' + section.label, items });
    }
    return groups;
  }

  function fillMetricSelect(select, selected, filter) {
    select.replaceChildren();
    let found = false;
    for (const g of metricOptions()) {
      const og = h('optgroup', { label: g.label });
      for (const [code, label] of g.items) {
        if (filter && !filter(code)) continue;
        og.append(h('option', { value: code, text: label, title: code }));
        if (code === selected) found = true;
      }
      if (og.children.length) select.append(og);
    }
    if (selected && !found) select.append(h('option', { value: selected, text: metricLabel(selected), title: selected }));
    if (selected) select.value = selected;
  }

  // ------------------------------------------------------------------ regions

  function region(code) {
    return reference.regions.get(code);
  }

  function pathOf(code) {
    const path = [];
    for (let r = region(code); r; r = r.parent ? region(r.parent) : null) path.unshift(r);
    return path;
  }

  function where(r) {
    return pathOf(r.code).slice(1, -1).map((x) => x.name).join(' · ') || (r.level === 'COUNTRY' ? '' : '全国');
  }

  function regionName(code) {
    const r = region(code);
    return r ? r.name : code;
  }

  function searchRegions(text, limit) {
    const q = text.trim();
    if (!q) return [];
    const out = [];
    const rank = { COUNTRY: 0, PROVINCE: 1, PREFECTURE: 2, COUNTY: 3 };
    for (const r of reference.regions.values()) {
      let score;
      if (/^\d+$/.test(q)) {
        if (!r.code.startsWith(q)) continue;
        score = r.code === q ? 0 : 1;
      } else if (r.name === q) score = 0;
      else if (r.name.startsWith(q)) score = 1;
      else if (r.name.includes(q)) score = 2;
      else continue;
      out.push([score * 10 + rank[r.level], r]);
    }
    out.sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code));
    return out.slice(0, limit).map((x) => x[1]);
  }

  /** A search box with a result list: type a name or code, pick with a click, Enter or the arrow keys. */
  function regionPicker(input, list, onPick) {
    let items = [];
    let active = -1;
    const close = () => {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      active = -1;
    };
    const mark = () => [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    const pick = (r) => {
      close();
      input.value = '';
      input.blur();
      onPick(r);
    };
    const render = () => {
      items = searchRegions(input.value, 30);
      list.replaceChildren();
      if (!input.value.trim()) return close();
      if (!items.length) list.append(h('li', { class: 'empty', text: '没有匹配的地区 no matching region' }));
      items.forEach((r, i) => {
        const li = h('li', { role: 'option', dataset: { code: r.code } },
          h('span', null, r.name, h('span', { class: 'code', text: r.code })),
          h('span', { class: 'where', text: where(r) || REGION_LEVEL[r.level] }));
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => pick(items[i]));
        list.append(li);
      });
      active = items.length ? 0 : -1;
      mark();
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    };
    input.addEventListener('input', render);
    input.addEventListener('focus', () => input.value && render());
    input.addEventListener('blur', () => setTimeout(close, 100));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!items.length) return;
        e.preventDefault();
        active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        mark();
        list.children[active].scrollIntoView({ block: 'nearest' });
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (active >= 0 && items[active]) pick(items[active]);
      } else if (e.key === 'Escape') {
        close();
      }
    });
  }

  // ------------------------------------------------------------------ URL hash ⇄ state

  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ''));
    const r = p.get('r');
    const year = Number(p.get('y'));
    const sector = p.get('s');
    const level = p.get('l');
    const metric = p.get('m');
    const compare = p.get('c');
    return {
      region: r && region(r) ? r : COUNTRY,
      year: Number.isInteger(year) && year >= FIRST_YEAR && year <= THIS_YEAR ? year : null,
      sector: sector && reference.sectors.some((s) => s.code === sector) ? sector : 'EDUCATION',
      level: level && LEVELS.some(([v]) => v === level) ? level : 'ALL',
      metric: metric && (isIndicator(metric) || catalog.any.has(metric)) ? metric : DEFAULT_METRIC,
      compare: compare && region(compare) ? compare : null,
    };
  }

  function hashFor(changes) {
    const s = { ...state, ...changes };
    const q = { r: s.region, s: s.sector, y: s.year, l: s.level, m: s.metric };
    if (s.compare) q.c = s.compare;
    return '#' + query(q);
  }

  function go(changes) {
    const next = hashFor(changes);
    if (next !== location.hash) location.hash = next;
  }

  // ------------------------------------------------------------------ panels

  function card(id) {
    return $(id);
  }

  function showStatus(cardEl, error) {
    const status = cardEl.querySelector('.status');
    if (!status) return;
    status.textContent = error ? (error instanceof ApiError ? error.describe() : String(error.message || error)) : '';
  }

  const generations = {};

  /** Runs one panel's load: marks it loading, drops answers that a newer load has overtaken, shows errors. */
  async function load(name, cardId, work) {
    const gen = (generations[name] = (generations[name] || 0) + 1);
    const el = card(cardId);
    el.classList.add('loading');
    try {
      await work(() => gen === generations[name]);
      if (gen === generations[name]) showStatus(el, null);
    } catch (e) {
      if (gen === generations[name]) showStatus(el, e);
      if (!(e instanceof ApiError)) console.error(e);
    } finally {
      if (gen === generations[name]) el.classList.remove('loading');
    }
  }

  function loadAll() {
    renderHeader();
    loadTotals();
    loadBreakdown();
    loadTrend();
    loadRanking();
    loadCompleteness();
    loadQuality();
    loadCompare();
  }

  // ---- header, breadcrumb, title

  function renderHeader() {
    const path = pathOf(state.region);
    const crumbs = $('breadcrumb');
    crumbs.replaceChildren();
    path.forEach((r, i) => {
      if (i) crumbs.append(h('span', { class: 'sep', text: '›' }));
      crumbs.append(i === path.length - 1
        ? h('span', { class: 'here', text: r.name, dataset: { code: r.code } })
        : h('a', { href: hashFor({ region: r.code }), text: r.name, dataset: { code: r.code } }));
    });
    const r = region(state.region);
    $('region-title').textContent = r.name;
    const sector = reference.sectors.find((s) => s.code === state.sector);
    const level = LEVELS.find(([v]) => v === state.level)[1];
    $('region-subtitle').textContent = [REGION_LEVEL[r.level] + ' ' + r.code, (sector ? sector.label + ' ' : '') + state.sector,
      state.year + ' 年度', level].join(' · ');
    document.title = r.name + ' · ' + state.year + ' · 年报监督看板';
    document.body.dataset.region = state.region;
    document.body.dataset.year = String(state.year);
    $('sector').value = state.sector;
    $('year').value = String(state.year);
    $('level').value = state.level;
    $('compare-a').textContent = r.name;
  }

  // ---- totals: key figures, indicators, every cell

  function loadTotals() {
    const url = API + '/regions/' + state.region + '/totals?' + query({ year: state.year, sector: state.sector, level: state.level });
    csvSources.totals = { url, file: 'totals-' + state.region + '-' + state.year + '-' + state.sector + '-' + state.level + '.csv' };
    for (const id of ['indicators-card', 'totals-card']) card(id).classList.add('loading');
    return load('totals', 'totals-card', async (current) => {
      try {
        const totals = await request(url);
        if (!current()) return;
        data.totals = totals;
        renderKpis();
        renderIndicators(totals);
        renderTotals(totals);
        showStatus(card('indicators-card'), null);
      } catch (e) {
        if (current()) {
          data.totals = null;
          renderKpis();
          $('indicators-table').replaceChildren();
          $('totals-body').replaceChildren();
          showStatus(card('indicators-card'), e);
        }
        throw e;
      } finally {
        if (current()) card('indicators-card').classList.remove('loading');
      }
    });
  }

  function kpi(key, label, value, sub, title) {
    return h('div', { class: 'kpi', dataset: { kpi: key }, title: title || label },
      h('div', { class: 'label', text: label }),
      h('div', { class: 'value' + (value === DASH ? ' blank' : ''), text: value }),
      sub ? h('div', { class: 'sub', text: sub }) : null);
  }

  function renderKpis() {
    const t = data.totals;
    const c = data.completeness;
    const box = $('kpis');
    box.replaceChildren();
    box.append(kpi('reports', '报告数 Reports counted', t ? num(t.reports) : DASH, t ? '已计入合计的报告' : ''));
    for (const code of KPI_CELLS) {
      const cell = t && t.cells[code];
      const info = metricInfo(code);
      box.append(kpi(code, info ? info.row.replace(/^[一二三四五六七八九十]+、/, '').replace(/^（[一二三四五六七八九十]+）/, '') + (info.block ? '（' + info.block.replace(/^[一二三四五六七八九十]+、/, '') + '）' : '') : code,
        cell ? num(cell.sum) : DASH, cell ? '填报 filled ' + cell.filled + '/' + t.reports : '未填报 blank', metricLabel(code)));
    }
    for (const code of KPI_INDICATORS) {
      const i = catalog.indicators.get(code);
      box.append(kpi(code, i.label, t ? metricValue(code, t.indicators[code]) : DASH, code, i.description));
    }
    box.append(kpi('submissionRate', '报送率 Submitted', c ? pct(c.submissionRate) : DASH,
      c ? c.submitted + ' / ' + c.expected + ' 家机构' : ''));
    box.append(kpi('onTimeRate', '按时报送率 On time', c ? pct(c.onTimeRate) : DASH,
      c ? c.onTime + ' 家 · 截止 ' + c.deadline : ''));
  }

  function renderIndicators(t) {
    const rows = [...catalog.indicators.values()].map((i) => h('tr', null,
      h('td', null, i.label, h('div', { class: 'desc', text: i.description })),
      h('td', { class: 'num' + (isBlank(t.indicators[i.code]) ? ' blank' : ''), dataset: { indicator: i.code }, text: metricValue(i.code, t.indicators[i.code]) })));
    $('indicators-table').replaceChildren(h('table', null,
      h('thead', null, h('tr', null, h('th', { text: '指标 Indicator' }), h('th', { class: 'num', text: '值 Value' }))),
      h('tbody', null, rows)));
  }

  function valueCell(t, code, extraClass) {
    const cell = t.cells[code];
    const classes = ['num'];
    if (extraClass) classes.push(extraClass);
    if (!cell) classes.push('blank');
    else if (cell.filled < t.reports) classes.push('partial');
    const label = metricLabel(code, cell && cell.label);
    return h('td', {
      class: classes.join(' '), dataset: { metric: code },
      title: label + '\n' + code + (cell ? '\n填报 filled in ' + cell.filled + ' / ' + t.reports + ' 份报告 reports' : '\n未填报 blank in every report'),
      text: cell ? num(cell.sum) : DASH,
    });
  }

  function renderTotals(t) {
    const body = $('totals-body');
    body.replaceChildren();
    const template = templateFor(state.year);
    const shown = new Set();
    if (template) {
      body.append(h('p', { class: 'desc' }, template.title, '（', template.id, '）· ', '带 * 的数字只来自部分报告 * = not every report filled the cell'));
      for (const table of template.tables) {
        const section = catalog.sections.get(table.section);
        body.append(h('h3', { class: 'section-title', text: section.number + '、' + section.label }));
        body.append(table.columns.length ? matrix(t, template, table, shown) : longTable(t, table, shown));
      }
    } else {
      body.append(h('p', { class: 'desc', text: state.year + ' 年度无统一表格（LEGACY）No national table for this year; the cells reported are listed below.' }));
    }
    const others = Object.keys(t.cells).filter((code) => !shown.has(code)).sort();
    if (others.length) {
      body.append(h('h3', { class: 'section-title', text: '其他单元格 Other cells (reports in another template)' }));
      body.append(h('div', { class: 'table-wrap' }, h('table', null,
        h('thead', null, h('tr', null, h('th', { text: '单元格 Cell' }), h('th', { class: 'num', text: '合计 Total' }))),
        h('tbody', null, others.map((code) => h('tr', null,
          h('td', null, metricLabel(code, t.cells[code].label), h('span', { class: 'code', text: code })), valueCell(t, code)))))));
    }
    if (!t.reports) body.prepend(h('p', { class: 'empty-note', text: '该地区本年度尚无报告计入合计。No report counted for this region and year yet.' }));
  }

  function matrix(t, template, table, shown) {
    const cols = table.columns;
    const hasHeading = cols.some((c) => c.heading);
    const head = [];
    if (hasHeading) {
      const top = [h('th', { rowspan: 2, text: '项目 Item' })];
      for (let i = 0; i < cols.length; i++) {
        if (!cols[i].heading) {
          top.push(h('th', { class: 'num', rowspan: 2, text: cols[i].label + (cols[i].unit ? '（' + cols[i].unit + '）' : '') }));
          continue;
        }
        let span = 1;
        while (i + span < cols.length && cols[i + span].heading === cols[i].heading) span++;
        top.push(h('th', { class: 'num', colspan: span, text: cols[i].heading }));
        i += span - 1;
      }
      head.push(h('tr', null, top));
      head.push(h('tr', null, cols.filter((c) => c.heading).map((c) => h('th', { class: 'num', text: c.label }))));
    } else {
      head.push(h('tr', null, h('th', { text: '项目 Item' }), cols.map((c) => h('th', { class: 'num', text: c.label + (c.unit ? '（' + c.unit + '）' : '') }))));
    }
    const rows = table.rows.map((r) => ({ code: r.code, label: r.label, block: r.block }));
    for (const g of (template.groups || []).filter((x) => x.section === table.section)) {
      const last = Math.max(...g.rowCodes.map((rc) => rows.findIndex((x) => x.code === rc)));
      if (last >= 0) rows.splice(last + 1, 0, { code: g.code.slice(table.section.length + 1), label: g.label, block: rows[last].block, group: true });
    }
    const body = [];
    let block = null;
    for (const row of rows) {
      if (row.block && row.block !== block) body.push(h('tr', { class: 'block' }, h('td', { colspan: cols.length + 1, text: row.block })));
      block = row.block;
      body.push(h('tr', { class: row.group ? 'group' : (row.code.endsWith('total') ? 'total' : null) },
        h('td', { text: row.label }),
        cols.map((c) => {
          const code = table.section + '.' + row.code + '.' + c.code;
          shown.add(code);
          return valueCell(t, code);
        })));
    }
    return h('div', { class: 'table-wrap', style: 'max-height:none' }, h('table', null, h('thead', null, head), h('tbody', null, body)));
  }

  function longTable(t, table, shown) {
    const body = [];
    let block = null;
    for (const row of table.rows) {
      if (row.block && row.block !== block) body.push(h('tr', { class: 'block' }, h('td', { colspan: 3, text: row.block })));
      block = row.block;
      row.columns.forEach((c, i) => {
        const code = table.section + '.' + row.code + '.' + c.code;
        shown.add(code);
        body.push(h('tr', null,
          i === 0 ? h('td', { rowspan: row.columns.length, text: row.label }) : null,
          h('td', { text: c.label + (c.unit ? '（' + c.unit + '）' : '') }),
          valueCell(t, code)));
      });
    }
    return h('div', { class: 'table-wrap', style: 'max-height:none' }, h('table', null,
      h('thead', null, h('tr', null, h('th', { text: '项目 Item' }), h('th', { text: '信息内容 Column' }), h('th', { class: 'num', text: '合计 Total' }))),
      h('tbody', null, body)));
  }

  // ---- drill-down

  const charts = {};

  function chart(id) {
    if (!window.echarts) return null;
    if (!charts[id]) charts[id] = window.echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  /** An ECharts tooltip built as DOM (ECharts appends elements as they are; strings it would parse as HTML). */
  function tip(title, lines) {
    return h('div', { class: 'tip' }, h('div', { style: 'font-weight:600;margin-bottom:2px', text: title }),
      lines.filter(Boolean).map((l) => h('div', { text: l })));
  }

  function loadBreakdown() {
    const url = API + '/regions/' + state.region + '/breakdown?' + query({ year: state.year, sector: state.sector, metric: state.metric });
    csvSources.drill = { url, file: 'breakdown-' + state.region + '-' + state.year + '-' + state.metric + '.csv' };
    return load('breakdown', 'drill-card', async (current) => {
      const b = await request(url);
      if (current()) renderBreakdown(b);
    });
  }

  function drillTo(code) {
    if (region(code)) go({ region: code });
  }

  function sortHeader(label, key) {
    const active = state.drillSort === key;
    return h('button', {
      type: 'button', class: 'linkish sort' + (active ? ' active' : ''), title: '排序 sort',
      onclick: () => {
        state.drillSort = key;
        if (lastBreakdown) renderBreakdown(lastBreakdown);
      },
    }, label, active ? ' ▾' : '');
  }

  function renderBreakdown(b) {
    lastBreakdown = b;
    const indicator = isIndicator(b.metric);
    const rows = state.drillSort === 'value'
      ? b.rows.slice().sort((x, y) => (isBlank(y.value) ? -Infinity : Number(y.value)) - (isBlank(x.value) ? -Infinity : Number(x.value)) || 0)
      : b.rows;
    const tbody = rows.map((r) => {
      const isRegion = r.kind === 'REGION';
      const name = isRegion
        ? h('button', { type: 'button', class: 'linkish drill', dataset: { code: r.code }, text: r.name, onclick: () => drillTo(r.code), title: '进入 ' + r.name + ' drill down' })
        : h('span', { text: r.name || r.code });
      return h('tr', { class: isRegion ? 'region' : 'agency', dataset: { code: r.code, kind: r.kind } },
        h('td', null, name, h('span', { class: 'tag', text: isRegion ? REGION_LEVEL[r.level] || r.level : AGENCY_LEVEL[r.level] || '机构' })),
        h('td', { class: 'num', text: num(r.reports) }),
        h('td', { class: 'num' + (isBlank(r.value) ? ' blank' : ''), dataset: { value: isBlank(r.value) ? '' : String(r.value) }, text: metricValue(b.metric, r.value) }),
        h('td', { class: 'num', text: indicator ? (isBlank(r.numerator) && isBlank(r.denominator) ? DASH : num(r.numerator) + ' / ' + num(r.denominator)) : pct(r.share) }));
    });
    const head = h('tr', null, h('th', null, sortHeader('下级地区 / 直属机构 Child region / agency', 'list')), h('th', { class: 'num', text: '报告数' }),
      h('th', { class: 'num' }, sortHeader(indicator ? '值 Value' : '合计 Total', 'value')), h('th', { class: 'num', text: indicator ? '分子/分母' : '占比 Share' }));
    const foot = h('tr', { class: 'total' }, h('td', { text: '本级合计 ' + b.region.name }), h('td', { class: 'num', text: data.totals && data.totals.region.code === b.region.code ? num(data.totals.reports) : '' }),
      h('td', { class: 'num', dataset: { value: isBlank(b.total) ? '' : String(b.total) }, text: metricValue(b.metric, b.total) }), h('td', { class: 'num', text: indicator ? '' : (isBlank(b.total) ? DASH : '100%') }));
    const empty = rows.length ? null : h('tr', null, h('td', { colspan: 4, class: 'empty-note', text: '没有下级地区或直属机构 No child regions or agencies here' }));
    $('drill-table').replaceChildren(h('table', null, h('thead', null, head), h('tbody', null, tbody, empty), h('tfoot', null, foot)));

    const c = chart('drill-chart');
    if (!c) return;
    const valued = rows.filter((r) => !isBlank(r.value)).sort((x, y) => Number(y.value) - Number(x.value));
    const height = Math.max(220, Math.min(520, valued.length * 22 + 60));
    $('drill-chart').style.height = height + 'px';
    c.resize();
    const title = metricLabel(b.metric, b.metricLabel);
    c.setOption({
      animationDuration: 300,
      title: valued.length ? { text: title, textStyle: { fontSize: 12, fontWeight: 'normal', color: '#66758a' }, left: 0, top: 0 }
        : { text: '暂无数据 No values for this metric', left: 'center', top: 'middle', textStyle: { fontSize: 14, color: '#99a5b5', fontWeight: 'normal' } },
      grid: { left: 8, right: 56, top: 26, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item', confine: true,
        formatter: (p) => {
          const r = valued[p.dataIndex];
          return tip(r.name, [title + '：' + metricValue(b.metric, r.value), '报告数 reports: ' + r.reports,
            indicator ? '分子/分母: ' + num(r.numerator) + ' / ' + num(r.denominator) : '占比 share: ' + pct(r.share),
            r.kind === 'REGION' ? '点击进入 click to drill down' : '直属机构 agency in this region']);
        },
      },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => (indicator ? Math.round(v * 100) + '%' : integer.format(v)) }, splitLine: { lineStyle: { color: '#eef1f5' } } },
      yAxis: { type: 'category', inverse: true, data: valued.map((r) => r.name || r.code), axisTick: { show: false }, axisLabel: { color: '#1d2733', width: 130, overflow: 'truncate' } },
      series: [{
        type: 'bar', barMaxWidth: 18, cursor: 'pointer',
        data: valued.map((r) => ({ value: Number(r.value), itemStyle: { color: r.kind === 'REGION' ? '#2f5d8a' : '#c98a2b' } })),
        label: { show: true, position: 'right', color: '#4a5a6e', formatter: (p) => metricValue(b.metric, p.value) },
      }],
    }, true);
    c.off('click');
    c.on('click', (p) => {
      const r = valued[p.dataIndex];
      if (r && r.kind === 'REGION') drillTo(r.code);
    });
  }

  // ---- trend

  function loadTrend() {
    const to = state.year;
    const from = Math.max(FIRST_YEAR, to - 6);
    const url = API + '/regions/' + state.region + '/trend?' + query({ sector: state.sector, level: state.level, metric: state.metric, from, to });
    csvSources.trend = { url, file: 'trend-' + state.region + '-' + state.metric + '-' + from + '-' + to + '.csv' };
    $('trend-metric').textContent = metricLabel(state.metric);
    return load('trend', 'trend-card', async (current) => {
      const t = await request(url);
      if (current()) renderTrend(t);
    });
  }

  function renderTrend(t) {
    const indicator = isIndicator(t.metric);
    const rows = t.points.slice().reverse().map((p) => h('tr', { dataset: { year: String(p.year) } },
      h('td', { text: String(p.year) }), h('td', { class: 'num', text: num(p.reports) }),
      h('td', { class: 'num' + (isBlank(p.value) ? ' blank' : ''), text: metricValue(t.metric, p.value) }),
      h('td', { class: 'num', text: isBlank(p.change) ? DASH : (indicator ? (Number(p.change) > 0 ? '+' : '') + (Number(p.change) * 100).toFixed(1) + ' pp' : (Number(p.change) > 0 ? '+' : '') + num(p.change)) }),
      h('td', { class: 'num', text: pct(p.percentChange, true) })));
    $('trend-table').replaceChildren(h('table', null,
      h('thead', null, h('tr', null, h('th', { text: '年度 Year' }), h('th', { class: 'num', text: '报告数' }), h('th', { class: 'num', text: '值 Value' }),
        h('th', { class: 'num', text: '变化 Change' }), h('th', { class: 'num', text: '变化率 %' }))),
      h('tbody', null, rows)));
    const c = chart('trend-chart');
    if (!c) return;
    const title = metricLabel(t.metric, t.metricLabel);
    c.setOption({
      animationDuration: 300,
      grid: { left: 8, right: 20, top: 20, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis', confine: true,
        formatter: (ps) => {
          const p = t.points[ps[0].dataIndex];
          return tip(p.year + ' 年度', [title + '：' + metricValue(t.metric, p.value), '报告数 reports: ' + p.reports,
            '同比 vs previous year: ' + pct(p.percentChange, true)]);
        },
      },
      xAxis: { type: 'category', data: t.points.map((p) => String(p.year)), boundaryGap: false },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => (indicator ? Math.round(v * 100) + '%' : integer.format(v)) }, splitLine: { lineStyle: { color: '#eef1f5' } } },
      series: [{
        type: 'line', name: title, connectNulls: false, symbolSize: 7, lineStyle: { width: 2.5, color: '#b3261e' }, itemStyle: { color: '#b3261e' },
        areaStyle: { color: 'rgba(179,38,30,0.06)' },
        data: t.points.map((p) => (isBlank(p.value) ? null : Number(p.value))),
      }],
    }, true);
  }

  // ---- ranking

  /** A county has no child regions: rank its county-level agencies instead, until the user picks otherwise. */
  function autoRankScope() {
    const leaf = !region(state.region).children.length;
    if (leaf && state.rankScope === '') {
      state.rankScope = 'COUNTY';
      state.rankScopeAuto = true;
    } else if (!leaf && state.rankScopeAuto) {
      state.rankScope = '';
      state.rankScopeAuto = false;
    }
  }

  function fillRankScope() {
    const select = $('rank-scope');
    const r = region(state.region);
    const options = [['', r.children.length ? '下级地区' : '（无下级地区）', 'rank the child regions']];
    for (const [v, label] of [['PROVINCE', '省级机构'], ['CITY', '市级机构'], ['COUNTY', '县级机构']]) options.push([v, label, 'rank the ' + v.toLowerCase() + '-level agencies in this region']);
    select.replaceChildren(...options.map(([v, label, title]) => h('option', { value: v, text: label, title })));
    select.value = state.rankScope;
  }

  function loadRanking() {
    const url = API + '/rankings?' + query({ parent: state.region, year: state.year, sector: state.sector, indicator: state.rankBy, order: state.rankOrder, level: state.rankScope || null, limit: 50 });
    csvSources.ranking = { url, file: 'ranking-' + state.region + '-' + state.year + '-' + state.rankBy + '.csv' };
    return load('ranking', 'ranking-card', async (current) => {
      const r = await request(url);
      if (current()) renderRanking(r);
    });
  }

  function renderRanking(r) {
    const indicator = isIndicator(r.indicator);
    const byRegion = r.entities === 'regions';
    const rows = r.entries.map((e) => h('tr', { dataset: { code: e.code } },
      h('td', { class: 'num', text: e.rank == null ? DASH : String(e.rank) }),
      h('td', null, byRegion && region(e.code)
        ? h('button', { type: 'button', class: 'linkish', text: e.name || e.code, onclick: () => drillTo(e.code) })
        : h('span', { text: e.name || e.code }),
      byRegion ? null : h('span', { class: 'code', text: regionName(e.regionCode) })),
      h('td', { class: 'num' + (isBlank(e.value) ? ' blank' : ''), text: metricValue(r.indicator, e.value) }),
      h('td', { class: 'num', text: indicator ? num(e.numerator) + ' / ' + num(e.denominator) : '' }),
      h('td', { class: 'num', text: num(e.reports) })));
    const note = r.unranked ? h('tr', null, h('td', { colspan: 5, class: 'desc', text: r.unranked + ' 个对象无值（空白或分母为 0），列于最后 without a value, listed last' })) : null;
    $('ranking-table').replaceChildren(h('table', null,
      h('thead', null, h('tr', null, h('th', { class: 'num', text: '名次' }), h('th', { text: byRegion ? '地区 Region' : '机构 Agency' }),
        h('th', { class: 'num', text: '值 Value' }), h('th', { class: 'num', text: indicator ? '分子/分母' : '' }), h('th', { class: 'num', text: '报告数' }))),
      h('tbody', null, rows.length ? rows : h('tr', null, h('td', { colspan: 5, class: 'empty-note', text: '暂无可排名的对象 Nothing to rank' })), note)));
  }

  // ---- completeness

  function loadCompleteness() {
    // the figures are whole; the agencies come a page at a time, and one page of 1000 is what a screen can show
    const url = API + '/regions/' + state.region + '/completeness?' + query({ year: state.year, sector: state.sector, size: 1000 });
    csvSources.completeness = { url, file: 'completeness-' + state.region + '-' + state.year + '-' + state.sector + '.csv' };
    return load('completeness', 'completeness-card', async (current) => {
      try {
        const c = await request(url);
        if (!current()) return;
        data.completeness = c;
        renderCompleteness(c);
      } catch (e) {
        if (current()) {
          data.completeness = null;
          $('completeness-body').replaceChildren();
        }
        throw e;
      } finally {
        if (current()) renderKpis();
      }
    });
  }

  function fact(k, v, kind) {
    return h('div', { class: 'fact' }, h('div', { class: 'k', text: k }), h('div', { class: 'v' + (kind ? ' ' + kind : ''), text: v }));
  }

  function agencyCell(a) {
    return h('td', { class: 'agency' }, h('span', { class: 'agency-name', text: a.name || a.agencyId }), h('span', { class: 'code', text: a.agencyId }));
  }

  function renderCompleteness(c) {
    const missing = c.items.filter((a) => a.status === 'MISSING').map((a) => h('tr', { dataset: { agency: a.agencyId } }, agencyCell(a),
      h('td', { class: 'nowrap', text: regionName(a.regionCode) }), h('td', { class: 'nowrap', text: AGENCY_LEVEL[a.level] || a.level || '' })));
    const late = c.items.filter((a) => a.status === 'LATE').map((a) => h('tr', { dataset: { agency: a.agencyId } }, agencyCell(a),
      h('td', { class: 'num', text: a.publishedOn || DASH }), h('td', { class: 'num', text: isBlank(a.daysLate) ? DASH : a.daysLate + ' 天' })));
    $('completeness-body').replaceChildren(
      h('div', { class: 'facts' }, fact('应报 Expected', num(c.expected)), fact('已报 Submitted', num(c.submitted)), fact('按时 On time', num(c.onTime)),
        fact('报送率', pct(c.submissionRate)), fact('按时率', pct(c.onTimeRate)), fact('截止 Deadline', c.deadline, 'date')),
      h('div', { class: 'two' },
        h('div', { id: 'missing' }, h('h3', null, '未报送 Missing ', h('span', { class: 'tag missing', text: String(c.missing) })),
          missing.length ? h('div', { class: 'table-wrap' }, h('table', null,
            h('thead', null, h('tr', null, h('th', { text: '机构 Agency' }), h('th', { text: '地区' }), h('th', { text: '层级' }))), h('tbody', null, missing)))
            : h('p', { class: 'empty-note', text: c.expected ? '全部已报送 Everyone expected has reported.' : '本地区无登记机构 No agencies registered here.' })),
        h('div', { id: 'late' }, h('h3', null, '逾期 Late ', h('span', { class: 'tag late', text: String(c.late) })),
          late.length ? h('div', { class: 'table-wrap' }, h('table', null,
            h('thead', null, h('tr', null, h('th', { text: '机构 Agency' }), h('th', { class: 'num', text: '发布日期' }), h('th', { class: 'num', text: '逾期' }))), h('tbody', null, late)))
            : h('p', { class: 'empty-note', text: '无逾期报告 No late reports.' }))));
  }

  // ---- quality (overseer token)

  function provinceOf(code) {
    const path = pathOf(code);
    return path.length > 1 ? path[1].code : '640000';
  }

  function needsToken(body, reason) {
    body.replaceChildren(h('div', { class: 'needs-token' },
      h('p', null, h('strong', { text: reason || '需要监督员令牌。This panel needs an overseer token.' })),
      h('p', { text: '质量明细（规则警告）仅对本地区或上级地区的监督员（overseer）或管理员（admin）开放。Quality detail is for overseers of this region (or a region containing it) and admins.' }),
      h('p', null, '获取方法 How to get one: 在项目目录运行 run in the project folder ', h('code', { text: 'deploy/token overseer ' + provinceOf(state.region) }),
        '（或 or ', h('code', { text: 'deploy/token admin' }), '），再点右上角 “令牌 Token” 粘贴保存 then paste it under “令牌 Token” at the top right.')));
  }

  function loadQuality() {
    const url = API + '/regions/' + state.region + '/quality?' + query({ year: state.year, sector: state.sector, size: 20 });
    const crossYearUrl = API + '/regions/' + state.region + '/quality?' + query({ year: state.year, sector: state.sector, rules: 'X1,X2', size: 100 });
    csvSources.quality = { url, auth: true, file: 'quality-' + state.region + '-' + state.year + '-' + state.sector + '.csv' };
    const body = $('quality-body');
    if (!token()) {
      generations.quality = (generations.quality || 0) + 1;
      card('quality-card').classList.remove('loading');
      showStatus(card('quality-card'), null);
      needsToken(body);
      return Promise.resolve();
    }
    return load('quality', 'quality-card', async (current) => {
      try {
        const [q, crossYear] = await Promise.all([request(url, { auth: true }), request(crossYearUrl, { auth: true })]);
        if (current()) renderQuality(q, crossYear);
      } catch (e) {
        if (!current()) return;
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
          needsToken(body, e.status === 401 ? '令牌无效或已过期 The token is not valid or has expired.' : '此令牌无权查看该地区 This token may not read this region.');
        } else {
          body.replaceChildren();
        }
        throw e;
      }
    });
  }

  function warningList(ws) {
    return h('ul', { class: 'warnings' }, ws.map((w) => h('li', { title: (w.cells || []).join(', ') },
      h('span', { class: 'rule-id', text: w.rule }), h('span', { text: w.message }))));
  }

  function reportTable(list, empty) {
    if (!list.length) return h('p', { class: 'empty-note', text: empty });
    return h('div', { class: 'table-wrap' }, h('table', null,
      h('thead', null, h('tr', null, h('th', { text: '机构 Agency' }), h('th', { text: '地区' }), h('th', { class: 'num', text: '版本' }), h('th', { class: 'num', text: '警告' }), h('th', { text: '警告内容 Warnings' }))),
      h('tbody', null, list.map((r) => h('tr', { dataset: { agency: r.agencyId } }, agencyCell(r), h('td', { class: 'nowrap', text: regionName(r.regionCode) }),
        h('td', { class: 'num', text: 'v' + r.version }), h('td', { class: 'num', text: String(r.count) }), h('td', null, warningList(r.warnings || [])))))));
  }

  function renderQuality(q, crossYear) {
    const rules = Object.entries(q.warningsByRule || {}).sort((a, b) => b[1] - a[1]);
    $('quality-body').replaceChildren(
      h('div', { class: 'facts' }, fact('报告 Reports', num(q.reports)), fact('有警告 With warnings', num(q.reportsWithWarnings)),
        fact('占比 Share', q.reports ? pct(q.reportsWithWarnings / q.reports) : DASH), fact('警告总数 Warnings', num(rules.reduce((s, [, n]) => s + n, 0))),
        fact('跨年不符 Cross-year', num(q.crossYearMismatches)), fact('年度 Year', String(q.year))),
      h('div', { class: 'rules' }, rules.length ? rules.map(([id, n]) => {
        const rule = catalog.rules.get(id);
        return h('span', { class: 'rule', title: rule ? rule.description : id }, h('b', { text: String(n) }), id, rule ? ' · ' + rule.label : '');
      }) : h('span', { class: 'empty-note', text: '没有规则警告 No rule warnings.' })),
      h('div', { class: 'quality-grid' },
        h('div', null, h('h3', { text: '警告最多的报告 Reports with the most warnings' }), reportTable(q.items, '无 none')),
        h('div', null, h('h3', { text: '跨年不一致 Cross-year mismatches (X1, X2)' }), reportTable(crossYear.items, '无 none'))));
  }

  // ---- compare

  function defaultCompare() {
    const r = region(state.region);
    const parent = r.parent && region(r.parent);
    if (!parent) return null;
    const siblings = parent.children;
    const i = siblings.findIndex((x) => x.code === r.code);
    const next = siblings[(i + 1) % siblings.length];
    return next && next.code !== r.code ? next.code : null;
  }

  function renderCompareControls() {
    const chips = $('compare-chips');
    chips.replaceChildren(...state.compareMetrics.map((m) => h('span', { class: 'chip', title: m }, metricLabel(m).replace(/^.* · /, ''),
      h('button', {
        type: 'button', 'aria-label': '移除 remove', text: '×',
        onclick: () => {
          if (state.compareMetrics.length <= 1) return;
          state.compareMetrics = state.compareMetrics.filter((x) => x !== m);
          renderCompareControls();
          loadCompare();
        },
      }))));
    const add = $('compare-add');
    fillMetricSelect(add, null, (code) => !state.compareMetrics.includes(code));
    add.prepend(h('option', { value: '', text: '＋ 添加指标 add a metric' }));
    add.value = '';
  }

  function loadCompare() {
    const b = state.compare || defaultCompare();
    const table = $('compare-table');
    $('compare-search').placeholder = b ? regionName(b) + '（更换 change…）' : '选择对比地区 pick a region…';
    if (!b) {
      generations.compare = (generations.compare || 0) + 1;
      table.replaceChildren(h('p', { class: 'empty-note', text: '请选择对比地区 B。Pick region B to compare with.' }));
      delete csvSources.compare;
      return Promise.resolve();
    }
    const url = API + '/compare?' + query({ regions: state.region + ',' + b, year: state.year, sector: state.sector, level: state.level, metrics: state.compareMetrics.join(',') });
    csvSources.compare = { url, file: 'compare-' + state.region + '-' + b + '-' + state.year + '.csv' };
    return load('compare', 'compare-card', async (current) => {
      const c = await request(url);
      if (current()) renderCompare(c);
    });
  }

  function renderCompare(c) {
    const [a, b] = c.entities;
    const head = h('tr', null, h('th', { text: '指标 Metric' }),
      c.entities.map((e) => h('th', { class: 'num', text: e.name || e.code })),
      h('th', { class: 'num', text: '差值 B − A' }), h('th', { class: 'num', text: 'A 占比' }), h('th', { class: 'num', text: 'B 占比' }));
    const reportsRow = h('tr', null, h('td', { text: '报告数 Reports counted' }), c.entities.map((e) => h('td', { class: 'num', text: num(e.reports) })),
      h('td', { class: 'num', text: b ? num(b.reports - a.reports) : '' }), h('td'), h('td'));
    const rows = c.metrics.map((m) => {
      const va = a.metrics[m] || {};
      const vb = (b && b.metrics[m]) || {};
      const d = vb.difference;
      const indicator = isIndicator(m);
      const diffText = isBlank(d) ? DASH : (Number(d) > 0 ? '+' : '') + (indicator ? (Number(d) * 100).toFixed(1) + ' pp' : num(d));
      return h('tr', { dataset: { metric: m } }, h('td', { text: metricLabel(m), title: m }),
        c.entities.map((e) => {
          const v = (e.metrics[m] || {}).value;
          return h('td', { class: 'num' + (isBlank(v) ? ' blank' : ''), text: metricValue(m, v) });
        }),
        h('td', { class: 'num ' + (isBlank(d) ? 'blank' : Number(d) > 0 ? 'diff-pos' : Number(d) < 0 ? 'diff-neg' : ''), text: diffText }),
        h('td', { class: 'num', text: indicator ? '' : pct(va.share) }), h('td', { class: 'num', text: indicator ? '' : pct(vb.share) }));
    });
    $('compare-table').replaceChildren(h('table', null, h('thead', null, head), h('tbody', null, reportsRow, rows)));
  }

  // ------------------------------------------------------------------ controls

  function setupControls() {
    const sector = $('sector');
    sector.replaceChildren(...reference.sectors.map((s) => h('option', { value: s.code, text: s.label + ' ' + s.code })));
    const year = $('year');
    for (let y = THIS_YEAR; y >= FIRST_YEAR; y--) year.append(h('option', { value: String(y), text: y + ' 年度' }));
    $('level').replaceChildren(...LEVELS.map(([v, label]) => h('option', { value: v, text: label })));
    sector.addEventListener('change', () => go({ sector: sector.value }));
    year.addEventListener('change', () => go({ year: Number(year.value) }));
    $('level').addEventListener('change', () => go({ level: $('level').value }));
    $('metric').addEventListener('change', () => go({ metric: $('metric').value }));

    fillMetricSelect($('rank-by'), state.rankBy);
    $('rank-by').addEventListener('change', () => {
      state.rankBy = $('rank-by').value;
      loadRanking();
    });
    $('rank-scope').addEventListener('change', () => {
      state.rankScope = $('rank-scope').value;
      state.rankScopeAuto = false;
      loadRanking();
    });
    $('rank-order').addEventListener('change', () => {
      state.rankOrder = $('rank-order').value;
      loadRanking();
    });

    regionPicker($('region-search'), $('region-results'), (r) => go({ region: r.code }));
    regionPicker($('compare-search'), $('compare-results'), (r) => go({ compare: r.code }));
    $('compare-add').addEventListener('change', () => {
      const m = $('compare-add').value;
      if (m && !state.compareMetrics.includes(m) && state.compareMetrics.length < MAX_COMPARE) {
        state.compareMetrics.push(m);
        renderCompareControls();
        loadCompare();
      }
    });

    for (const button of document.querySelectorAll('button[data-csv]')) {
      button.title = '下载 CSV（Accept: text/csv）download this table as CSV';
      button.addEventListener('click', () => downloadCsv(button.dataset.csv));
    }

    // token: kept in sessionStorage (this tab only), sent only with the quality request
    const input = $('token-input');
    const dot = $('token-dot');
    const showToken = () => dot.classList.toggle('on', !!token());
    input.value = token();
    showToken();
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const value = input.value.trim().replace(/^Bearer\s+/i, '');
      try {
        if (value) sessionStorage.setItem(TOKEN_KEY, value);
        else sessionStorage.removeItem(TOKEN_KEY);
      } catch (err) {
        showStatus(card('quality-card'), err);
      }
      showToken();
      $('token-box').open = false;
      loadQuality();
    });
    $('token-clear').addEventListener('click', () => {
      try {
        sessionStorage.removeItem(TOKEN_KEY);
      } catch (err) {
        // nothing stored
      }
      input.value = '';
      showToken();
      loadQuality();
    });

    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  }

  /** The latest year with reports in the country, for a first visit without a year in the URL. */
  async function latestYear() {
    try {
      const t = await request(API + '/regions/' + COUNTRY + '/trend?' + query({ metric: DEFAULT_METRIC, from: Math.max(FIRST_YEAR, THIS_YEAR - 10), to: THIS_YEAR }));
      const withReports = t.points.filter((p) => p.reports > 0).map((p) => p.year);
      return withReports.length ? Math.max(...withReports) : THIS_YEAR - 1;
    } catch (e) {
      return THIS_YEAR - 1;
    }
  }

  function applyHash() {
    const h0 = readHash();
    const before = { ...state };
    Object.assign(state, h0);
    if (!state.year) state.year = before.year;
    return before;
  }

  async function start() {
    try {
      await Promise.all([loadReference(), loadCatalog()]);
    } catch (e) {
      $('region-title').textContent = '无法加载 Could not load the dashboard';
      $('region-subtitle').textContent = e instanceof ApiError ? e.describe() : String(e);
      return;
    }
    setupControls();
    applyHash();
    if (!readHash().year) {
      state.year = await latestYear();
      history.replaceState(null, '', hashFor({}));
    }
    fillMetricSelect($('metric'), state.metric);
    autoRankScope();
    fillRankScope();
    renderCompareControls();
    loadAll();
    window.addEventListener('hashchange', () => {
      const before = applyHash();
      const where = before.region !== state.region || before.sector !== state.sector || before.year !== state.year || before.level !== state.level;
      if (before.year !== state.year) {
        fillMetricSelect($('metric'), state.metric);
        fillMetricSelect($('rank-by'), state.rankBy);
        renderCompareControls();
      }
      if (before.region !== state.region) {
        autoRankScope();
        fillRankScope();
      }
      $('metric').value = state.metric;
      if (where) {
        loadAll();
      } else {
        renderHeader();
        if (before.metric !== state.metric) {
          loadBreakdown();
          loadTrend();
        }
        if (before.compare !== state.compare) loadCompare();
      }
    });
    document.body.dataset.ready = 'true';
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
