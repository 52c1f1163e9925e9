import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import type { PivotRequest } from '../../auth/request-context';
import { Post } from '../posts/post.entity';

/**
 * Per request: the global posts of a page of children, in one statement. Loaded whole, since a
 * child's "global changed" and diff come from its parent whether or not the caller may read the
 * parent itself (the market localizes that text); `parentPost` checks the read on the row.
 */
export class CascadeLoaders {
  readonly parentById: DataLoader<string, Post | null>;

  constructor(dataSource: DataSource) {
    this.parentById = new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Post).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    });
  }
}

@Injectable()
export class CascadeLoadersFactory {
  private readonly perRequest = new WeakMap<object, CascadeLoaders>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(request: PivotRequest): CascadeLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = new CascadeLoaders(this.dataSource);
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
