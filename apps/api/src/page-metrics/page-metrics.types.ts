import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType()
export class BackfillPageMetricsInput {
  @Field(() => ID, { nullable: true, description: 'Every active page of this brand (or give pageId).' })
  brandId?: string | null;

  @Field(() => ID, { nullable: true, description: 'This page and the active pages under it (its brand must be brandId when both are given).' })
  pageId?: string | null;

  @Field(() => String, { description: 'First day, YYYY-MM-DD (UTC calendar day).' })
  from: string;

  @Field(() => String, { description: 'Last day, YYYY-MM-DD, included; not in the future, at most 731 days after from.' })
  to: string;
}

@ObjectType('PageMetricsBackfill', { description: 'What a back-fill queued: one fetch job per page, cut into 90-day calls by the connector.' })
export class PageMetricsBackfillType {
  @Field(() => Int, { description: 'Pages queued for fetching.' })
  pages: number;

  @Field(() => Int, { description: 'Days in the range.' })
  days: number;

  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;
}
