import { canonicalLanguageTag, isHttpUrl, type MediaRef } from '@pivot/domain';
import { AppError, assertUuid, type FieldProblem } from '../../errors/app-error';
import type { Page } from '../../hierarchy/page.entity';

export const MAX_TARGETS = 100;
/** Far above every network's limit: the guardrails say how long is too long for each. */
export const MAX_BODY_LENGTH = 100_000;
const MAX_MEDIA = 50;

export interface PostContent {
  body: string;
  link: string | null;
  media: MediaRef[];
  locale: string;
  publishAt: Date | null;
}

/** Normalizes what a composer sent; problems are BAD_USER_INPUT, every field at once. */
export function postContentFrom(input: { body: string; link?: string | null; media?: MediaRef[] | null; locale: string; publishAt?: Date | null }): PostContent {
  const problems: FieldProblem[] = [];
  const body = input.body ?? '';
  if (body.length > MAX_BODY_LENGTH) problems.push({ field: 'body', message: `must be at most ${MAX_BODY_LENGTH} characters` });
  const link = input.link?.trim() ? input.link.trim() : null;
  if (link !== null && (link.length > 2048 || !isHttpUrl(link))) problems.push({ field: 'link', message: 'must be an http or https address' });
  const media = (input.media ?? []).map((item) => ({ id: item.id.trim(), kind: item.kind }));
  if (media.length > MAX_MEDIA) problems.push({ field: 'media', message: `at most ${MAX_MEDIA} items` });
  if (media.some((item) => item.id === '' || item.id.length > 200)) problems.push({ field: 'media', message: 'every item needs an id' });
  const locale = canonicalLanguageTag(input.locale);
  if (!locale) problems.push({ field: 'locale', message: 'is not a BCP 47 language tag' });
  const publishAt = input.publishAt ?? null;
  if (publishAt !== null && Number.isNaN(publishAt.getTime())) problems.push({ field: 'publishAt', message: 'is not a time' });
  if (problems.length) throw AppError.invalidFields(problems);
  return { body, link, media, locale: locale!, publishAt };
}

/** Target ids as given: one or more distinct, well-formed ids. */
export function targetIdsFrom(ids: readonly string[]): string[] {
  const unique = [...new Set(ids.map((id) => assertUuid(id, 'targetPageIds')))];
  if (unique.length === 0 || unique.length > MAX_TARGETS) {
    throw AppError.badInput(`A post targets 1 to ${MAX_TARGETS} pages`, [{ field: 'targetPageIds', message: `must hold 1 to ${MAX_TARGETS} pages` }]);
  }
  return unique;
}

/**
 * The post's scope: the lowest common ancestor of its targets, as the longest root path every
 * target's scope starts with (see post.entity.ts for why). Empty when they share no root.
 */
export function commonScope(targets: readonly Pick<Page, 'scopeIds'>[]): string[] {
  if (targets.length === 0) return [];
  const [first, ...rest] = targets.map((target) => target.scopeIds);
  let length = first!.length;
  for (const scope of rest) {
    let same = 0;
    while (same < Math.min(length, scope.length) && scope[same] === first![same]) same++;
    length = same;
  }
  return first!.slice(0, length);
}
