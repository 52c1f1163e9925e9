import type { EntityManager } from 'typeorm';

/** A reply to send on a network, as the reply queues hand it over. */
export interface OutboundReply {
  network: string;
  /** The network's id of the page the reply is sent as. */
  pageExternalId: string;
  /** A comment answers under the comment it replies to; a message goes to the author's thread. */
  kind: 'COMMENT_REPLY' | 'MESSAGE';
  /** COMMENT_REPLY: the comment answered; MESSAGE: the recipient's id. */
  targetExternalId: string;
  text: string;
  /** What it is sent for, e.g. ('Conversation', id). */
  subjectType: string;
  subjectId: string;
}

export interface SentReply {
  /** The network's id of what was sent (the sandbox makes one up). */
  externalId: string;
}

/**
 * Sends what Pivot publishes to a network. Called inside the caller's transaction so that a
 * sandbox record (or an outbox row, for a connector that calls out) exists exactly when the
 * change that caused it does.
 */
export interface Connector {
  sendReply(tx: EntityManager, reply: OutboundReply): Promise<SentReply>;
}

export const CONNECTOR = Symbol('CONNECTOR');

/** A post for one page's feed, as the publisher hands it over (Graph API `POST /{page-id}/feed`). */
export interface OutboundPost {
  network: string;
  pageExternalId: string;
  message: string;
  link: string | null;
  /** The same for every attempt at this (post, page): a connector that can dedupe uses it. */
  idempotencyKey: string;
  subjectType: string;
  subjectId: string;
}

/**
 * What came of one attempt. `retry`: the network may accept it later (5xx, timeout, network
 * error); `refused`: it never will as sent (4xx), with the network's own message.
 */
export type PublishOutcome = { kind: 'published'; externalId: string } | { kind: 'retry'; message: string } | { kind: 'refused'; message: string };

/**
 * Publishes posts. Called inside the publisher's transaction, which holds the claim on the
 * (post, page) send: the sandbox records in it; an HTTP connector calls out while it is held.
 */
export interface PostConnector {
  publishPost(tx: EntityManager, post: OutboundPost): Promise<PublishOutcome>;
}

export const POST_CONNECTOR = Symbol('POST_CONNECTOR');
