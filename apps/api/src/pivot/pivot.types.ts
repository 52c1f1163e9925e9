import { Field, ObjectType } from '@nestjs/graphql';
import { PageType } from '../hierarchy/hierarchy.types';

@ObjectType('PivotResult', { description: 'Where the public pivot would send this visitor, and why.' })
export class PivotResultType {
  @Field(() => PageType)
  page: PageType;

  @Field(() => [String], { description: 'One line per decision, in order.' })
  trail: string[];
}
