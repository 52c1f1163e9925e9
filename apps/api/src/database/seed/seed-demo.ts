import { randomUUID } from 'node:crypto';
import { countriesOfBusinessRegion, DEFAULT_AUDIENCES, scopeIdsOf, type TreePage } from '@pivot/domain';
import type { DataSource } from 'typeorm';
import { RoleAssignment } from '../../auth/role-assignment.entity';
import { PasswordHasher } from '../../auth/password-hasher';
import { User } from '../../auth/user.entity';
import { Brand } from '../../hierarchy/brand.entity';
import { MarketAlias } from '../../hierarchy/market-alias.entity';
import { Page } from '../../hierarchy/page.entity';
import { DEMO_ALIASES, DEMO_MARKETS, DEMO_PASSWORD, DEMO_USERS, SEGMENT_LABELS } from './demo-data';
import { seedPublishing } from './seed-publishing';
import { fillConversationRollups, seedActivity } from './seed-activity';
import { seedReplyQueues } from './seed-reply-queues';

const NETWORK = 'facebook';
const FB = 'https://www.facebook.com/';

export interface SeedDemoOptions {
  /** DEMO_DAYS of page metrics, pivot demand and conversations up to `now` (the default), or the brand, users and setup only. */
  activity?: boolean;
  /**
   * Fill the conversation rollups of that activity before returning (the default). main.ts says
   * false and has the app's rollup job make them right after it serves, a few seconds later, so
   * the first start is healthy sooner.
   */
  rollups?: boolean;
  now?: Date;
}

/** Seeds the demo brand and users, once: does nothing when the brand already exists. */
export async function seedDemo(dataSource: DataSource, { activity = true, rollups = true, now = new Date() }: SeedDemoOptions = {}): Promise<boolean> {
  const seeded = await dataSource.transaction(async (tx) => {
    if (await tx.existsBy(Brand, { slug: 'northwind' })) return false;
    const brand = await tx.save(
      tx.create(Brand, {
        id: randomUUID(),
        slug: 'northwind',
        name: 'Northwind',
        audiences: [...DEFAULT_AUDIENCES],
        segmentFallback: 'MARKET_PAGE',
        defaultNetwork: NETWORK,
      }),
    );

    const tree: TreePage[] = [];
    const add = (page: Omit<TreePage, 'id' | 'network' | 'status' | 'defaultVariant' | 'regionCountries' | 'country' | 'segment'> & Partial<TreePage>) => {
      const full: TreePage = {
        id: randomUUID(),
        network: NETWORK,
        status: 'ACTIVE',
        defaultVariant: false,
        regionCountries: [],
        country: null,
        segment: null,
        ...page,
      };
      tree.push(full);
      return full;
    };

    const global = add({ kind: 'GLOBAL', parentId: null, name: 'Northwind', url: `${FB}northwind`, languages: ['en'] });
    const regions = Object.fromEntries(
      (['EMEA', 'AMER', 'APAC'] as const).map((code) => [
        code,
        add({
          kind: 'REGION',
          parentId: global.id,
          name: `Northwind ${code}`,
          url: `${FB}northwind.${code.toLowerCase()}`,
          languages: ['en'],
          regionCountries: countriesOfBusinessRegion(code),
        }),
      ]),
    );
    const marketIdByCountry = new Map<string, string>();
    for (const market of DEMO_MARKETS) {
      market.variants.forEach((variant, index) => {
        const page = add({
          kind: 'MARKET',
          parentId: regions[market.region].id,
          name: variant.name,
          url: `${FB}northwind.${variant.suffix}`,
          country: market.country,
          languages: variant.languages,
          defaultVariant: market.variants.length > 1 && index === 0,
          status: market.archived ? 'ARCHIVED' : 'ACTIVE',
        });
        if (index === 0) marketIdByCountry.set(market.country, page.id);
        for (const segment of market.segments) {
          add({
            kind: 'SEGMENT',
            parentId: page.id,
            name: `${variant.name} ${SEGMENT_LABELS[segment]}`,
            url: `${FB}northwind.${variant.suffix}.${segment}`,
            languages: variant.languages,
            segment,
          });
        }
      });
    }

    await tx.save(
      tree.map((page) =>
        tx.create(Page, {
          ...page,
          brandId: brand.id,
          handle: page.url.slice(FB.length),
          // Deterministic, so webhook deliveries and imports can name demo pages (fb-northwind.fr…).
          externalId: `fb-${page.url.slice(FB.length)}`,
          scopeIds: scopeIdsOf(tree, page.id),
          keywords: [],
          description: `${page.name} on Facebook`,
          pictureUrl: null,
          website: 'https://northwind.example',
        }),
      ),
      { chunk: 200 },
    );

    const aliases = await tx.save(
      Object.entries(DEMO_ALIASES).map(([country, target]) => {
        const marketPageId = marketIdByCountry.get(target)!;
        return tx.create(MarketAlias, {
          id: randomUUID(),
          brandId: brand.id,
          network: NETWORK,
          country,
          marketPageId,
          scopeIds: scopeIdsOf(tree, marketPageId),
        });
      }),
    );

    const hasher = new PasswordHasher();
    const scopePageOf = (scope: string | null): TreePage | undefined =>
      scope === null
        ? undefined
        : scope === 'GLOBAL'
          ? global
          : (regions[scope] ?? tree.find((p) => p.kind === 'MARKET' && p.country === scope && p.id === marketIdByCountry.get(scope)));
    const userIds = new Map<string, string>();
    for (const demo of DEMO_USERS) {
      const passwordHash = await hasher.hash(DEMO_PASSWORD);
      const user = await tx.save(tx.create(User, { id: randomUUID(), email: demo.email, displayName: demo.displayName, passwordHash, disabled: false }));
      userIds.set(demo.email, user.id);
      const scopePage = scopePageOf(demo.scope);
      await tx.save(
        tx.create(RoleAssignment, {
          id: randomUUID(),
          userId: user.id,
          role: demo.role,
          brandId: scopePage ? brand.id : null,
          scopePageId: scopePage?.id ?? null,
          scopeIds: scopePage ? scopeIdsOf(tree, scopePage.id) : [],
          grantedById: null,
        }),
      );
    }
    await seedPublishing(tx, brand, tree, (id) => scopeIdsOf(tree, id));
    const queues = await seedReplyQueues(tx, brand.id, tree, (pageId) => scopeIdsOf(tree, pageId), userIds.get('fr.moderator@northwind.example') ?? null);
    if (activity) await seedActivity(tx, { brandId: brand.id, tree, queues, aliases, userIds, now });
    return true;
  });
  // The conversation rollups, as the job would fill them in its first runs.
  if (seeded && activity && rollups) await fillConversationRollups(dataSource, now);
  return seeded;
}
