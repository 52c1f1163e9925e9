import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { authorize } from '../../access/authorize';
import type { Actor } from '../../auth/request-context';
import { AppError } from '../../errors/app-error';
import { PostPublication } from './post-publication.entity';
import { PostStore } from '../posts/post-store';
import type { Post } from '../posts/post.entity';
import { PublisherService } from './publisher.service';

/**
 * The manager's moves on an approved post (DESIGN §5): give it a time or change it, take it off
 * the schedule, retry what failed. `enqueue` is the one way a post becomes SCHEDULED, whether by
 * its final approval or by `schedule` here, so both owe their targets the same sends.
 */
@Injectable()
export class PostScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PostStore,
    private readonly publisher: PublisherService,
  ) {}

  /** SCHEDULED, owing one send per target not yet published, due at `at`. */
  async enqueue(tx: EntityManager, post: Post, at: Date): Promise<void> {
    post.state = this.store.move(post, 'schedule');
    post.publishAt = at;
    await this.publisher.schedule(tx, post, await this.store.targetIdsOf(tx, post.id), at);
  }

  async schedule(actor: Actor, id: string, version: number, publishAt: Date): Promise<Post> {
    const at = futureTime(publishAt, 'publishAt');
    return this.dataSource.transaction(async (tx) => {
      const post = await this.store.lock(tx, actor, id);
      authorize(actor, 'schedule', 'Post', post);
      this.store.checkVersion(post, version);
      const before = { ...post };
      if (post.state === 'SCHEDULED') await this.refuseOnceSent(tx, post, 'change its time');
      await this.enqueue(tx, post, at);
      return this.store.write(tx, actor, before, post, { kind: 'SCHEDULED', action: 'post.schedule' });
    });
  }

  /** Back to APPROVED with no time: nothing is owed until it is scheduled again. */
  async unschedule(actor: Actor, id: string, version: number): Promise<Post> {
    return this.dataSource.transaction(async (tx) => {
      const post = await this.store.lock(tx, actor, id);
      authorize(actor, 'schedule', 'Post', post);
      this.store.checkVersion(post, version);
      const before = { ...post };
      post.state = this.store.move(post, 'unschedule');
      await this.refuseOnceSent(tx, post, 'unschedule it');
      post.publishAt = null;
      await this.publisher.cancel(tx, post.id);
      return this.store.write(tx, actor, before, post, { kind: 'UNSCHEDULED', action: 'post.unschedule' });
    });
  }

  /**
   * A FAILED post back to SCHEDULED: its failed sends are due again (now, or at `at`) with their
   * attempts reset; the targets that took it stay PUBLISHED and are not sent it again.
   */
  async retry(actor: Actor, id: string, version: number, at?: Date | null): Promise<Post> {
    const due = at ? futureTime(at, 'at') : new Date();
    return this.dataSource.transaction(async (tx) => {
      const post = await this.store.lock(tx, actor, id);
      authorize(actor, 'schedule', 'Post', post);
      this.store.checkVersion(post, version);
      const before = { ...post };
      post.state = this.store.move(post, 'retry');
      if (at) post.publishAt = due;
      await this.publisher.schedule(tx, post, await this.store.targetIdsOf(tx, post.id), due);
      return this.store.write(tx, actor, before, post, { kind: 'RETRIED', action: 'post.retry' });
    });
  }

  /** A post some target already took has gone out: its time and its schedule are history. */
  private async refuseOnceSent(tx: EntityManager, post: Post, what: string): Promise<void> {
    if (await tx.existsBy(PostPublication, { postId: post.id, state: 'PUBLISHED' })) {
      throw new AppError('BAD_USER_INPUT', `The post has already gone out to a target: too late to ${what}`, { state: post.state });
    }
  }
}

/** A time from a client that must still be ahead of us. */
function futureTime(value: Date, field: string): Date {
  if (Number.isNaN(value.getTime())) throw AppError.badInput(`${field}: is not a time`, [{ field, message: 'is not a time' }]);
  if (value.getTime() <= Date.now()) throw AppError.badInput(`${field}: must be in the future`, [{ field, message: 'must be in the future' }]);
  return value;
}
