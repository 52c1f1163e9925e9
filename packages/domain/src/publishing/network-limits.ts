/**
 * What each network accepts in one post. Checked by `checkDraft` for every network a post
 * targets. Numbers are the networks' documented publishing limits (API, not app, where they
 * differ: the API is what the connectors use).
 */
export interface NetworkLimits {
  /** Longest body, in Unicode code points (see `weightedLength`). */
  maxLength: number;
  /** When set, every URL in the text counts as this many characters, whatever its length (X's t.co rule). */
  urlLength: number | null;
  /**
   * What happens to links: `attached` the link field becomes a preview card beside the text;
   * `appended` the link field is added to the end of the text and counts toward its length;
   * `not-clickable` links show as plain text, so they only earn a warning.
   */
  links: 'attached' | 'appended' | 'not-clickable';
  mediaRequired: boolean;
  maxMedia: number;
  acceptedMedia: readonly ('image' | 'video')[];
}

export const NETWORK_LIMITS: Readonly<Record<string, NetworkLimits>> = {
  facebook: { maxLength: 63206, urlLength: null, links: 'attached', mediaRequired: false, maxMedia: 10, acceptedMedia: ['image', 'video'] },
  // Captions: 2,200; carousels through the Graph API hold at most 10 items; a post needs media.
  instagram: { maxLength: 2200, urlLength: null, links: 'not-clickable', mediaRequired: true, maxMedia: 10, acceptedMedia: ['image', 'video'] },
  // Every URL is shortened to t.co and counts 23; X weighs CJK and most emoji as 2, which we do
  // not (code points), so a body near 280 made of those can still be refused by X.
  x: { maxLength: 280, urlLength: 23, links: 'appended', mediaRequired: false, maxMedia: 4, acceptedMedia: ['image', 'video'] },
  linkedin: { maxLength: 3000, urlLength: null, links: 'attached', mediaRequired: false, maxMedia: 20, acceptedMedia: ['image', 'video'] },
  // A YouTube post is a video upload: the body is its description.
  youtube: { maxLength: 5000, urlLength: null, links: 'appended', mediaRequired: true, maxMedia: 1, acceptedMedia: ['video'] },
};
