import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageKindEnum, PageType } from '../hierarchy/hierarchy.types';
import type { PageKind } from '@pivot/domain';

@ObjectType('PivotTarget', { description: 'The public facts of the page a visitor is sent to (what GET /pivot answers).' })
export class PivotTargetType {
  @Field(() => ID)
  id: string;

  @Field(() => PageKindEnum)
  kind: PageKind;

  @Field(() => String)
  name: string;

  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true })
  country: string | null;

  @Field(() => [String])
  languages: string[];

  @Field(() => String, { nullable: true })
  segment: string | null;
}

@ObjectType('PivotResult', { description: 'Where the public pivot would send this visitor, and why.' })
export class PivotResultType {
  @Field(() => PivotTargetType)
  target: PivotTargetType;

  @Field(() => PageType, { nullable: true, description: 'The full page, when the caller may read it.' })
  page: PageType | null;

  @Field(() => [String], { description: 'One line per decision, in order.' })
  trail: string[];
}
