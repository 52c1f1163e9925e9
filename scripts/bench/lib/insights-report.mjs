// The insights benchmark's queries (INSIGHTS-CONTRACT field names), latency percentiles, the
// API-vs-raw figure check and the printed table.

const FIGURES = `followers followerGrowth reach engagements engagementRate conversedAuthors conversationRate itemsReceived
  conversationsOpened conversationsAnswered conversationsResolved responseRate firstResponseP50Seconds firstResponseP90Seconds
  firstResponseBusinessP50Seconds firstResponseBusinessP90Seconds nextResponseP50Seconds nextResponseP90Seconds
  resolutionP50Seconds resolutionP90Seconds slaMet slaBreached slaAttainment backlog`;

export const COMPARISON_QUERY = `query($s: ID!, $r: InsightsRangeInput!) {
  marketComparison(scopePageId: $s, range: $r) {
    page { id name } followers followerGrowth conversationRate responseRate firstResponseP50Seconds firstResponseP90Seconds slaAttainment backlog healthScore
  }
}`;

export const INSIGHTS_QUERY = `query($s: ID!, $r: InsightsRangeInput!) {
  insights(scopePageId: $s, range: $r) {
    scopePage { id name } from to granularity previousFrom previousTo
    totals { ${FIGURES} } previous { ${FIGURES} }
    series { start end figures { ${FIGURES} } }
    funnel { followers reached engaged conversed answeredWithinSla }
  }
}`;

/** p50/p95/max/mean in ms (nearest rank), one decimal. */
export function percentiles(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const r = (v) => Number(v.toFixed(1));
  return { n: sorted.length, p50: r(at(0.5)), p95: r(at(0.95)), max: r(sorted.at(-1)), mean: r(sorted.reduce((s, v) => s + v, 0) / sorted.length) };
}

const EXACT = ['followers', 'followerGrowth', 'conversationRate', 'responseRate', 'slaAttainment', 'backlog'];
const ESTIMATED = ['firstResponseP50Seconds', 'firstResponseP90Seconds'];

/**
 * Every market's figures from the API against the raw ones: the exact figures equal (to 1e-9
 * relative), the percentiles within the histogram's error bound of the exact nearest-rank values.
 */
export function compareFigures(apiRows, rawRows, relativeError) {
  const raw = new Map(rawRows.map((row) => [row.pageId, row]));
  const differences = [];
  let compared = 0;
  let worstPercentileError = 0;
  if (apiRows.length !== rawRows.length) differences.push({ field: 'rows', api: apiRows.length, raw: rawRows.length });
  for (const row of apiRows) {
    const expected = raw.get(row.page.id);
    if (!expected) {
      differences.push({ market: row.page.name, field: 'page', api: row.page.id, raw: null });
      continue;
    }
    for (const field of [...EXACT, ...ESTIMATED]) {
      compared++;
      const [a, b] = [row[field], expected[field]];
      if (a === null || b === null || a === undefined || b === undefined) {
        if ((a ?? null) !== (b ?? null)) differences.push({ market: row.page.name, field, api: a, raw: b });
        continue;
      }
      if (ESTIMATED.includes(field)) {
        const error = b < 1 ? Math.abs(a - b) : Math.abs(a - b) / b;
        worstPercentileError = Math.max(worstPercentileError, b < 1 ? 0 : error);
        if (error > (b < 1 ? 1 : relativeError + 1e-9)) differences.push({ market: row.page.name, field, api: a, raw: b });
      } else if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b))) {
        differences.push({ market: row.page.name, field, api: a, raw: b });
      }
    }
  }
  return { compared, differ: differences.length, examples: differences.slice(0, 5), worstPercentileError: Number(worstPercentileError.toFixed(3)), percentileBound: Number(relativeError.toFixed(3)) };
}

export function table(report) {
  const { data: d, targets: t, settings: s, machine: m } = report;
  const mark = (ok) => (ok ? 'met' : 'MISSED');
  const lat = (x) => `p50 ${x.p50} ms  p95 ${x.p95} ms  max ${x.max} ms  (n=${x.n})`;
  const lines = [
    '',
    `insights: ${d.markets} markets × ${s.segments} segments (${d.pages} pages), ${s.days} days: ${d.pageMetricRows.toLocaleString('en')} page metric rows, ` +
      `${d.conversations.toLocaleString('en')} conversations, ${d.inboundItems.toLocaleString('en')} inbound items, ${d.auditEntries.toLocaleString('en')} audit entries`,
    `  written in ${d.generateS} s (rollups from the raw rows by SQL: ${d.rollupSqlS} s); range ${report.range.from}…${report.range.to} (${s.range} days)`,
    `  first read after the load rebuilt insights_rollups for ${d.staleDays} stale days in ${d.wideRowsS} s`,
    `machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node} (the API, PostgreSQL and this script share these cores; 1-min load average ${report.loadAverage.atMeasurementStart} when measuring began, ${report.loadAverage.atEnd} at the end)`,
    '',
    'SQL-built rollups vs the real recomputeConversationMetricsDay:',
    ...report.verified.map((v) => `  ${v.day}: ${v.rows} rows compared, ${v.differ} differ${v.examples.length ? ` e.g. ${JSON.stringify(v.examples[0])}` : ''}`),
  ];
  lines.push('');
  if (report.comparison) {
    lines.push(
      `(a) marketComparison, brand admin, ${report.comparison.markets} rows:  ${lat(report.comparison)}`,
      `    target p95 < ${t.comparisonP95Ms} ms: ${mark(report.comparison.p95 < t.comparisonP95Ms)}`,
    );
  }
  lines.push(`(b) same figures from raw rows (SQL): ${lat(report.raw)}`);
  if (report.comparison) {
    lines.push(
      `    raw / API: ${report.ratio.p50}× at p50, ${report.ratio.p95}× at p95   target ≥ ${t.minRatio}×: ${mark(report.ratio.p50 >= t.minRatio)}`,
      `    figures: ${report.figures.compared} compared, ${report.figures.differ} differ (percentiles within ±${(report.figures.percentileBound * 100).toFixed(1)} %: worst ${(report.figures.worstPercentileError * 100).toFixed(1)} %)`,
      ...report.figures.examples.map((e) => `      ${JSON.stringify(e)}`),
    );
  }
  if (report.analyst) {
    lines.push(
      `(c) insights, analyst of one market, ${report.analyst.seriesPoints} daily points: ${lat(report.analyst)}`,
      `    target p95 < ${t.analystP95Ms} ms: ${mark(report.analyst.p95 < t.analystP95Ms)}`,
    );
  }
  if (report.skipped) lines.push(`API measurements skipped: ${report.skipped}`);
  for (const error of report.errors ?? []) lines.push(`FAILED ${error}`);
  const r = report.rollupDay;
  lines.push(
    `(d) recomputeConversationMetricsDay of ${r.day} (+${r.conversationsAdded.toLocaleString('en')} conversations, ${r.rows} rows): ${r.ms} ms (again: ${r.againMs} ms)   target < ${t.rollupDayMs} ms: ${mark(r.ms < t.rollupDayMs)}`,
    `    the next read (an analyst's insights, rebuilding the wide rows of the days it changed): ${r.nextReadMs} ms`,
    '',
    report.sound ? 'checks: rollups = rebuild, API figures = raw figures' : 'checks FAILED (see above): exit 1',
    '',
  );
  return lines.join('\n');
}
