import type { PostState } from './post-state';

/** A picture or video already uploaded to the media library; posts refer to it by id. */
export interface MediaRef {
  id: string;
  kind: 'image' | 'video';
}

/**
 * A post as the rules see it (the API maps its entity to this shape). It targets one or more
 * pages of one brand; `version` grows with every change so a stale decision is refused.
 */
export interface Post {
  id: string;
  brandId: string;
  targetPageIds: string[];
  body: string;
  link: string | null;
  media: MediaRef[];
  /** BCP 47 tag of the body's language. */
  locale: string;
  /** ISO 8601 instant; null publishes as soon as it is scheduled. */
  publishAt: string | null;
  authorId: string;
  version: number;
  state: PostState;
  /** Cascaded posts: the global post this one localizes, and that post's version when it was localized. */
  parentPostId: string | null;
  parentVersionLocalized: number | null;
}

/** What the guardrails read: the parts of a post a composer edits. */
export type PostDraft = Pick<Post, 'body'> & Partial<Pick<Post, 'link' | 'media'>>;
