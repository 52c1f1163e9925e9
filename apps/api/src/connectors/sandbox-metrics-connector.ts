import { addDays, daysBetween } from '@pivot/domain';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type MetricPoint, type MetricsConnector, type PageMetricsRequest, type PageMetricsResult } from './metrics-connector';

const EPOCH = '2024-01-01';

/**
 * Plausible daily series without a network (the default, demo and tests): a function of the
 * page id and the day only, so any range asked twice, or split differently, gives the same
 * values. Followers grow slowly from a page-sized base; follows outnumber unfollows; reach
 * (media views) is a share of followers with a weekly rhythm; engagements stay under views.
 */
@Injectable()
export class SandboxMetricsConnector implements MetricsConnector {
  async fetchPageMetrics(request: PageMetricsRequest): Promise<PageMetricsResult> {
    const page = pageTraits(request.pageId);
    const points: MetricPoint[] = [];
    const days = daysBetween(request.from, request.to);
    for (let i = 0; i < days; i++) {
      const day = addDays(request.from, i);
      for (const [metric, value] of Object.entries(sandboxDay(page, day))) points.push({ metric, day, value });
    }
    return { points, problems: [], answered: true };
  }
}

interface PageTraits {
  seed: number;
  baseFollowers: number;
  /** New followers a day, on average. */
  growth: number;
}

function pageTraits(pageId: string): PageTraits {
  const seed = createHash('sha256').update(pageId).digest().readUInt32BE(0);
  const baseFollowers = 2_000 + (seed % 180_000);
  return { seed, baseFollowers, growth: Math.max(1, Math.round(baseFollowers * (0.0004 + (seed % 7) * 0.0001))) };
}

/** A number in [0, 1) from the page, the day and a salt: the day's noise. */
function noise(seed: number, dayIndex: number, salt: number): number {
  let x = (seed ^ Math.imul(dayIndex + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

function sandboxDay(page: PageTraits, day: string): Record<string, number> {
  const index = daysBetween(EPOCH, day);
  const follows = Math.round(page.growth * (1.2 + noise(page.seed, index, 1)));
  const unfollows = Math.round(page.growth * (0.2 + 0.3 * noise(page.seed, index, 2)));
  const followers = page.baseFollowers + Math.round(index * page.growth * 0.95);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const rhythm = weekday === 0 || weekday === 6 ? 0.7 : 1;
  const views = Math.round(followers * (0.04 + 0.08 * noise(page.seed, index, 3)) * rhythm);
  return {
    page_follows: followers,
    page_daily_follows_unique: follows,
    page_daily_unfollows_unique: unfollows,
    page_media_view: views,
    page_total_media_view_unique: Math.round(views * (0.55 + 0.2 * noise(page.seed, index, 4))),
    page_post_engagements: Math.round(views * (0.01 + 0.04 * noise(page.seed, index, 5))),
    page_views_total: Math.round(followers * (0.002 + 0.006 * noise(page.seed, index, 6)) * rhythm),
  };
}
