import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';
import { PatchType } from '../../graphql/patch-type';

@ObjectType('CannedResponseVariant')
@InputType('CannedResponseVariantInput')
export class CannedResponseVariantType {
  @Field(() => String, { description: 'BCP 47 tag.' })
  language: string;

  @Field(() => String, { description: 'May hold {{author.firstName}}, {{author.name}}, {{page.name}}, {{moderator.firstName}}.' })
  body: string;
}

@ObjectType('CannedResponse')
export class CannedResponseType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => ID, { description: 'Usable on this page and the pages under it.' })
  scopePageId: string;

  @Field(() => String)
  name: string;

  @Field(() => [CannedResponseVariantType])
  variants: CannedResponseVariantType[];

  @Field(() => Int)
  version: number;
}

export const CannedResponseConnection = ConnectionType(CannedResponseType, 'CannedResponse');

@InputType()
export class CreateCannedResponseInput {
  @Field(() => ID)
  scopePageId: string;

  @Field(() => String)
  name: string;

  @Field(() => [CannedResponseVariantType])
  variants: CannedResponseVariantType[];
}

@InputType()
export class UpdateCannedResponseInput extends PatchType(CreateCannedResponseInput, ['scopePageId']) {}
