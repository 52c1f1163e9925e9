import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvent } from '../events/domain-event';
import type { Page } from './page.entity';

export interface PagesMoved {
  /** The re-parenting's transaction: subscribers write in it. */
  tx: EntityManager;
  /** The moved page and its subtree. */
  movedPageIds: readonly string[];
  /** The brand's pages, with their new scopes. */
  pages: readonly Page[];
}

/** Announced by a re-parenting; publishing re-scopes its posts on it. */
@Injectable()
export class PageMoved extends DomainEvent<PagesMoved> {}
