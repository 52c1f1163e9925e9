import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Connector, OutboundPost, OutboundReply, PostConnector, PublishOutcome, SentReply } from './connector';
import { SandboxDelivery } from './sandbox-delivery.entity';

/**
 * Records the exact Graph API request it would make, instead of making it: demo, tests, and
 * any environment without network credentials.
 */
@Injectable()
export class SandboxConnector implements Connector, PostConnector {
  async sendReply(tx: EntityManager, reply: OutboundReply): Promise<SentReply> {
    const request =
      reply.kind === 'COMMENT_REPLY'
        ? { method: 'POST', path: `/${reply.targetExternalId}/comments`, body: { message: reply.text } }
        : { method: 'POST', path: '/me/messages', body: { recipient: { id: reply.targetExternalId }, messaging_type: 'RESPONSE', message: { text: reply.text } } };
    const id = randomUUID();
    await tx.insert(SandboxDelivery, {
      id,
      network: reply.network,
      pageExternalId: reply.pageExternalId,
      ...request,
      subjectType: reply.subjectType,
      subjectId: reply.subjectId,
    } as never);
    return { externalId: `sandbox-${id}` };
  }

  /** The page-feed request, recorded once per idempotency key (a unique index refuses a second). */
  async publishPost(tx: EntityManager, post: OutboundPost): Promise<PublishOutcome> {
    const id = randomUUID();
    await tx.insert(SandboxDelivery, {
      id,
      network: post.network,
      pageExternalId: post.pageExternalId,
      method: 'POST',
      path: `/${post.pageExternalId}/feed`,
      body: post.link ? { message: post.message, link: post.link } : { message: post.message },
      subjectType: post.subjectType,
      subjectId: post.subjectId,
      idempotencyKey: post.idempotencyKey,
    } as never);
    return { kind: 'published', externalId: `sandbox-${id}` };
  }
}
