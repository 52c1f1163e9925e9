import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('User', { description: 'A person who signs in to Pivot.' })
export class UserType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => Boolean)
  disabled: boolean;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { description: 'A signed, short-lived JWT: send it as `Authorization: Bearer <token>`.' })
  accessToken: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => UserType)
  user: UserType;
}
