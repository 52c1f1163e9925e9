import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Connector, OutboundReply, SentReply } from './connector';
import { SandboxDelivery } from './sandbox-delivery.entity';

/**
 * Records the exact Graph API request it would make, instead of making it: demo, tests, and
 * any environment without network credentials.
 */
@Injectable()
export class SandboxConnector implements Connector {
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
}
