import { Controller, Get, Query, Res } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor } from '../auth/request-context';
import { AppError } from '../errors/app-error';
import { emptyFigures } from './insights-figures';
import { InsightsService } from './insights.service';
import type { InsightsGranularity, InsightsRangeInput } from './insights.types';

type Params = Record<string, unknown>;

/** The figure columns of a series row, in the order of InsightsFigures. */
const FIGURE_COLUMNS = Object.keys(emptyFigures());
const COMPARISON_COLUMNS = ['followers', 'followerGrowth', 'conversationRate', 'responseRate', 'firstResponseP50Seconds', 'firstResponseP90Seconds', 'slaAttainment', 'backlog', 'healthScore'] as const;

/**
 * CSV exports of the insights (issue 10, item 7), for a spreadsheet: the same service, hence the
 * same authorization, as the GraphQL queries. Signed in with `Authorization: Bearer` by the global
 * AuthGuard (401 without it); errors answer JSON `{ code }` (400, 404) before any CSV is sent.
 * Rows are written through a CSV stream; cells that a spreadsheet would run as a formula
 * (a page named "=…") are escaped.
 */
@Controller('insights')
export class InsightsCsvController {
  constructor(private readonly insights: InsightsService) {}

  @Get('market-comparison.csv')
  async marketComparison(@CurrentActor() actor: Actor, @Query() query: Params, @Res() res: Response): Promise<void> {
    const range = rangeOf(query, false);
    const rows = await this.insights.marketComparison(actor, text(query, 'scopePageId'), range);
    send(res, `market-comparison-${range.from}-${range.to}.csv`, ['page', 'pageId', 'country', ...COMPARISON_COLUMNS], rows.map((row) => [row.page.name, row.page.id, row.page.country, ...COMPARISON_COLUMNS.map((column) => row[column])]));
  }

  @Get('series.csv')
  async series(@CurrentActor() actor: Actor, @Query() query: Params, @Res() res: Response): Promise<void> {
    const range = rangeOf(query, true);
    const insights = await this.insights.insights(actor, text(query, 'scopePageId'), range);
    const figures = (point: object) => FIGURE_COLUMNS.map((column) => (point as Record<string, unknown>)[column]);
    send(
      res,
      `series-${insights.granularity.toLowerCase()}-${insights.from}-${insights.to}.csv`,
      ['start', 'end', ...FIGURE_COLUMNS],
      insights.series.map((point) => [point.start, point.end, ...figures(point.figures)]),
    );
  }
}

function text(query: Params, name: string): string {
  const value = query[name];
  if (typeof value !== 'string') throw AppError.invalidFields([{ field: name, message: 'is required, once' }]);
  return value;
}

function rangeOf(query: Params, withGranularity: boolean): InsightsRangeInput {
  const range: InsightsRangeInput = { from: text(query, 'from'), to: text(query, 'to') };
  if (withGranularity && query.granularity !== undefined) range.granularity = text(query, 'granularity').toUpperCase() as InsightsGranularity;
  return range;
}

function send(res: Response, filename: string, header: string[], rows: unknown[][]): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  const csv = stringify({ header: true, columns: header, escape_formulas: true, cast: { number: (value) => String(value) } });
  csv.pipe(res);
  for (const row of rows) csv.write(row);
  csv.end();
}
