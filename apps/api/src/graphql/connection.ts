import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AppError } from '../errors/app-error';

@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoType;
  totalCount: number;
}

/** A Relay-style connection type for lists that grow (users, audit entries…). */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfoType)
    pageInfo: PageInfoType;

    @Field(() => Int, { description: 'Every item the filter matches (that the caller may read), across all pages.' })
    totalCount: number;
  }
  return ConnectionClass as Type<Connection<T>>;
}

export const MAX_PAGE_SIZE = 200;

export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw AppError.badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, [{ field: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Cursors are opaque to clients; a tampered one is bad input, not a server error. */
export function decodeCursor(cursor: string | null | undefined, arity: number): string[] | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === arity && parts.every((p) => typeof p === 'string' || typeof p === 'number')) {
      return parts.map(String);
    }
  } catch {
    // fall through
  }
  throw AppError.badInput('after is not a valid cursor', [{ field: 'after', message: 'is not a valid cursor' }]);
}

/** Builds a connection from rows fetched with one extra row to detect a next page. */
export function toConnection<T>(rows: T[], size: number, totalCount: number, cursorOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
