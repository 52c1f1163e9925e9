import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PAGE_KINDS, PAGE_STATUSES, SEGMENT_FALLBACKS, type PageKind, type PageStatus, type SegmentFallback } from '@pivot/domain';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const PageKindEnum = asEnum(PAGE_KINDS);
export const PageStatusEnum = asEnum(PAGE_STATUSES);
export const SegmentFallbackEnum = asEnum(SEGMENT_FALLBACKS);
registerEnumType(PageKindEnum, { name: 'PageKind', description: 'GLOBAL → REGION → MARKET → SEGMENT' });
registerEnumType(PageStatusEnum, { name: 'PageStatus' });
registerEnumType(SegmentFallbackEnum, {
  name: 'SegmentFallback',
  description: 'Where the pivot sends a visitor whose market has no page for the segment asked.',
});

@ObjectType('Brand', { description: 'A global brand and its trees of pages, one per network.' })
export class BrandType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'Audience segments the brand runs pages for.' })
  audiences: string[];

  @Field(() => SegmentFallbackEnum)
  segmentFallback: SegmentFallback;

  @Field(() => String)
  defaultNetwork: string;

  @Field(() => Int)
  version: number;
}

@ObjectType('Page', { description: 'One page of a brand on one network: global, region, market or segment.' })
export class PageType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => [ID], { description: "This page's id and its ancestors' ids, root first: the scope roles are checked against." })
  scopeIds: string[];

  @Field(() => PageKindEnum)
  kind: PageKind;

  @Field(() => String)
  network: string;

  @Field(() => String, { nullable: true })
  externalId: string | null;

  @Field(() => String, { nullable: true })
  handle: string | null;

  @Field(() => String)
  url: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 (MARKET pages).' })
  country: string | null;

  @Field(() => [String], { description: 'BCP 47 language tags.' })
  languages: string[];

  @Field(() => String, { nullable: true, description: 'The audience segment (SEGMENT pages).' })
  segment: string | null;

  @Field(() => PageStatusEnum)
  status: PageStatus;

  @Field(() => Boolean, { description: 'The variant chosen when a country has several market pages and no language matches.' })
  defaultVariant: boolean;

  @Field(() => [String], { description: 'Countries a REGION page serves.' })
  regionCountries: string[];

  @Field(() => String, { nullable: true })
  pictureUrl: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [String])
  keywords: string[];

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Int, { description: 'Increases on every change; pass it back as expectedVersion to avoid lost updates.' })
  version: number;
}

@ObjectType('MarketAlias', { description: 'A country without a page of its own, served by a market page.' })
export class MarketAliasType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  network: string;

  @Field(() => String)
  country: string;

  @Field(() => ID)
  marketPageId: string;
}

@InputType()
export class CreateBrandInput {
  @Field(() => String, { description: 'Lower-case letters, digits and dashes; used in public pivot URLs.' })
  slug: string;

  @Field(() => String)
  name: string;

  @Field(() => [String], { nullable: true, description: 'Defaults to consumer, business, developer, student.' })
  audiences?: string[] | null;

  @Field(() => SegmentFallbackEnum, { nullable: true })
  segmentFallback?: SegmentFallback | null;

  @Field(() => String, { nullable: true, description: 'Defaults to facebook.' })
  defaultNetwork?: string | null;
}

@InputType()
export class CreatePageInput {
  @Field(() => ID)
  brandId: string;

  @Field(() => ID, { nullable: true, description: 'Required for every kind but GLOBAL.' })
  parentId?: string | null;

  @Field(() => PageKindEnum)
  kind: PageKind;

  @Field(() => String, { nullable: true, description: "Defaults to the parent's network, or the brand's default." })
  network?: string | null;

  @Field(() => String)
  name: string;

  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true })
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  handle?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field(() => String, { nullable: true })
  segment?: string | null;

  @Field(() => Boolean, { nullable: true })
  defaultVariant?: boolean | null;

  @Field(() => [String], { nullable: true })
  regionCountries?: string[] | null;

  @Field(() => String, { nullable: true })
  pictureUrl?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@InputType({ description: 'Only the fields given are changed; null clears an optional field.' })
export class UpdatePageInput {
  @Field(() => Int, { nullable: true, description: 'The version you edited; a newer one on the server gives CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => ID, { nullable: true, description: 'Moves the page (and its subtree) under another page.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  handle?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field(() => String, { nullable: true })
  segment?: string | null;

  @Field(() => Boolean, { nullable: true })
  defaultVariant?: boolean | null;

  @Field(() => [String], { nullable: true })
  regionCountries?: string[] | null;

  @Field(() => String, { nullable: true })
  pictureUrl?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;

  @Field(() => String, { nullable: true })
  website?: string | null;
}

@InputType()
export class SetMarketAliasInput {
  @Field(() => ID)
  brandId: string;

  @Field(() => String, { nullable: true, description: "Defaults to the brand's default network." })
  network?: string | null;

  @Field(() => String, { description: 'The country without a page of its own (ISO 3166-1 alpha-2).' })
  country: string;

  @Field(() => ID, { nullable: true, description: 'The market page that serves it; null removes the alias.' })
  marketPageId?: string | null;
}
