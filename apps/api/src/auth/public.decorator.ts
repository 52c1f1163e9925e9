import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'pivot:isPublic';

/** Opens a route or operation to callers without a token (sign-in, the public pivot, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
