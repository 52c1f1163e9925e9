import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageType } from '../hierarchy/hierarchy.types';

export enum InsightsGranularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(InsightsGranularity, {
  name: 'InsightsGranularity',
  description: 'Bucket size of a series: WEEK is the ISO week (from Monday), MONTH the calendar month; buckets are clipped to the range.',
});

export enum PageHealthReasonStatus {
  FAIL = 'FAIL',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(PageHealthReasonStatus, { name: 'PageHealthReasonStatus' });

export enum PivotDemandOutcome {
  MARKET = 'MARKET',
  ALIAS = 'ALIAS',
  REGION = 'REGION',
  GLOBAL = 'GLOBAL',
}
registerEnumType(PivotDemandOutcome, { name: 'PivotDemandOutcome', description: 'How the public pivot served a visitor country.' });

@InputType()
export class InsightsRangeInput {
  @Field(() => String, { description: 'First day, YYYY-MM-DD (UTC day, as the rollups), inclusive.' })
  from: string;

  @Field(() => String, { description: 'Last day, inclusive; from ≤ to and at most 731 days, else BAD_USER_INPUT.' })
  to: string;

  @Field(() => InsightsGranularity, { nullable: true, defaultValue: InsightsGranularity.DAY })
  granularity?: InsightsGranularity;
}

@ObjectType('InsightsFigures', { description: 'The figures of a scope (its subtree) over a range; rates and percentiles are null when there is nothing to divide or sample.' })
export class InsightsFiguresType {
  @Field(() => Float, { nullable: true, description: 'page_follows on the last day with data ≤ to, summed over the pages; null when none.' })
  followers: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ follows − Σ unfollows over the range.' })
  followerGrowth: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ page_total_media_view_unique.' })
  reach: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ page_post_engagements.' })
  engagements: number | null;

  @Field(() => Float, { nullable: true, description: 'engagements ÷ reach (null when reach is 0 or none).' })
  engagementRate: number | null;

  @Field(() => Int, { description: 'Distinct authors who wrote over the range (not a sum of daily counts).' })
  conversedAuthors: number;

  @Field(() => Float, { nullable: true, description: 'conversedAuthors ÷ followers (null when no followers).' })
  conversationRate: number | null;

  @Field(() => Int)
  itemsReceived: number;

  @Field(() => Int)
  conversationsOpened: number;

  @Field(() => Int)
  conversationsAnswered: number;

  @Field(() => Int)
  conversationsResolved: number;

  @Field(() => Float, { nullable: true, description: 'answered ÷ opened (null when none opened).' })
  responseRate: number | null;

  @Field(() => Float, { nullable: true, description: 'From merged histograms (null when no sample).' })
  firstResponseP50Seconds: number | null;

  @Field(() => Float, { nullable: true })
  firstResponseP90Seconds: number | null;

  @Field(() => Float, { nullable: true })
  firstResponseBusinessP50Seconds: number | null;

  @Field(() => Float, { nullable: true })
  firstResponseBusinessP90Seconds: number | null;

  @Field(() => Float, { nullable: true })
  nextResponseP50Seconds: number | null;

  @Field(() => Float, { nullable: true })
  nextResponseP90Seconds: number | null;

  @Field(() => Float, { nullable: true })
  resolutionP50Seconds: number | null;

  @Field(() => Float, { nullable: true })
  resolutionP90Seconds: number | null;

  @Field(() => Int, { description: 'Answers (first and next) within the queue SLA.' })
  slaMet: number;

  @Field(() => Int, { description: 'Conversations whose first answer came within the queue SLA: each counted once.' })
  firstAnsweredWithinSla: number;

  @Field(() => Int)
  slaBreached: number;

  @Field(() => Float, { nullable: true, description: 'met ÷ (met + breached), null when none.' })
  slaAttainment: number | null;

  @Field(() => Int, { description: 'Conversations waiting at the end of the last day of the range.' })
  backlog: number;
}

@ObjectType('InsightsPoint', { description: 'One DAY/WEEK/MONTH bucket of a series.' })
export class InsightsPointType {
  @Field(() => String)
  start: string;

  @Field(() => String)
  end: string;

  @Field(() => InsightsFiguresType)
  figures: InsightsFiguresType;
}

@ObjectType('InsightsFunnel', { description: 'What fans do after: followers → reached → engaged → conversed → answered within SLA.' })
export class InsightsFunnelType {
  @Field(() => Float, { nullable: true })
  followers: number | null;

  @Field(() => Float, { nullable: true })
  reached: number | null;

  @Field(() => Float, { nullable: true })
  engaged: number | null;

  @Field(() => Int)
  conversed: number;

  @Field(() => Int, {
    description: 'The conversed authors whose conversation was answered in time: conversed × the share of the conversations opened whose first answer met the SLA (at most 1). Authors are counted apart from conversations, so the step is estimated in people.',
  })
  answeredWithinSla: number;
}

@ObjectType('Insights', { description: "A scope's figures over a range, the previous period of the same length, the series and the funnel." })
export class InsightsType {
  @Field(() => PageType)
  scopePage: PageType;

  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;

  @Field(() => InsightsGranularity)
  granularity: InsightsGranularity;

  @Field(() => String, { description: 'The same number of days just before `from`.' })
  previousFrom: string;

  @Field(() => String)
  previousTo: string;

  @Field(() => InsightsFiguresType)
  totals: InsightsFiguresType;

  @Field(() => InsightsFiguresType)
  previous: InsightsFiguresType;

  @Field(() => [InsightsPointType])
  series: InsightsPointType[];

  @Field(() => InsightsFunnelType)
  funnel: InsightsFunnelType;
}

@ObjectType('MarketComparisonRow', { description: "One market under the scope, its figures over its subtree; the scope page itself when the scope is below a market." })
export class MarketComparisonRowType {
  @Field(() => PageType)
  page: PageType;

  @Field(() => Float, { nullable: true })
  followers: number | null;

  @Field(() => Float, { nullable: true })
  followerGrowth: number | null;

  @Field(() => Float, { nullable: true })
  conversationRate: number | null;

  @Field(() => Float, { nullable: true })
  responseRate: number | null;

  @Field(() => Float, { nullable: true })
  firstResponseP50Seconds: number | null;

  @Field(() => Float, { nullable: true })
  firstResponseP90Seconds: number | null;

  @Field(() => Float, { nullable: true })
  slaAttainment: number | null;

  @Field(() => Int)
  backlog: number;

  @Field(() => Int, { description: "scorePageHealth of the row's page." })
  healthScore: number;
}

@ObjectType('PageHealthReason')
export class PageHealthReasonType {
  @Field(() => String, { description: 'real | complete | branded | findable | endorsed | operating' })
  key: string;

  @Field(() => String, { description: 'A stable reason code (MISSING_PICTURE, BACKLOG_HIGH…) the admin translates.' })
  code: string;

  @Field(() => PageHealthReasonStatus)
  status: PageHealthReasonStatus;
}

@ObjectType('PageHealthKeyScore')
export class PageHealthKeyScoreType {
  @Field(() => String)
  key: string;

  @Field(() => Int, { nullable: true, description: 'null when none of the key’s checks is known.' })
  score: number | null;
}

@ObjectType('PageHealthRow')
export class PageHealthRowType {
  @Field(() => PageType)
  page: PageType;

  @Field(() => Int)
  score: number;

  @Field(() => [PageHealthKeyScoreType])
  keys: PageHealthKeyScoreType[];

  @Field(() => [PageHealthReasonType])
  reasons: PageHealthReasonType[];
}

@ObjectType('PivotDemandRow', { description: 'Visitors the public pivot served for a country, by how it found their page.' })
export class PivotDemandRowType {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2, ZZ when unknown.' })
  country: string;

  @Field(() => PivotDemandOutcome)
  outcome: PivotDemandOutcome;

  @Field(() => Int)
  visitors: number;

  @Field(() => PageType, { nullable: true, description: 'The market page serving the country, null when none.' })
  page: PageType | null;
}

