import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import type { OutboundPost, PostConnector, PublishOutcome } from './connector';

/**
 * Publishes through the Facebook Graph API page-feed endpoint: `POST {GRAPH_API_URL}/{page-id}/feed`
 * with `message`, `link` and the page's access token (GRAPH_PAGE_TOKENS, by the page's external
 * id). The Graph API has no idempotency key; ours travels as a header for a proxy or fake that
 * honours it, and exactly-once rests on the publisher's claim (see PostPublication).
 */
@Injectable()
export class GraphConnector implements PostConnector {
  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  async publishPost(_tx: EntityManager, post: OutboundPost): Promise<PublishOutcome> {
    const { graphApiUrl, pageTokens, httpTimeoutMs } = this.config.publishing;
    const token = pageTokens[post.pageExternalId];
    if (!token) return { kind: 'refused', message: `No access token configured for page ${post.pageExternalId}` };
    const form = new URLSearchParams({ message: post.message, access_token: token });
    if (post.link) form.set('link', post.link);
    let response: Response;
    try {
      response = await fetch(`${graphApiUrl}/${encodeURIComponent(post.pageExternalId)}/feed`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': post.idempotencyKey },
        body: form,
        signal: AbortSignal.timeout(httpTimeoutMs),
      });
    } catch (error) {
      // The abort is a DOMException, not always an Error of this realm (jest): go by its name.
      const name = (error as { name?: unknown } | null)?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return { kind: 'retry', message: timedOut ? `No answer within ${httpTimeoutMs} ms` : `Network error: ${error instanceof Error ? error.message : String(error)}` };
    }
    const body = (await response.json().catch(() => null)) as { id?: unknown; error?: { message?: unknown } } | null;
    const message = typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${response.status}`;
    if (response.status >= 500 || response.status === 429) return { kind: 'retry', message };
    if (!response.ok) return { kind: 'refused', message };
    if (typeof body?.id !== 'string') return { kind: 'retry', message: 'The answer carried no post id' };
    return { kind: 'published', externalId: body.id };
  }
}
