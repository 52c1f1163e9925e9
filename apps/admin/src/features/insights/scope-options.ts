/**
 * The scopes the picker offers: pages the user may read metrics of, in tree order (each
 * parent before its children, with its depth to indent it), archived pages left out. The first is the default.
 */
export interface ScopePage {
  id: string;
  name: string;
  parentId: string | null;
  scopeIds: readonly string[];
  network: string;
  status: string;
}

export interface ScopeOption {
  value: string;
  label: string;
  depth: number;
}

export function scopeOptions<P extends ScopePage>(pages: readonly P[], canReadMetrics: (page: P) => boolean, showNetwork: boolean): ScopeOption[] {
  const readable = pages.filter((page) => page.status !== 'ARCHIVED' && canReadMetrics(page));
  const ids = new Set(readable.map((page) => page.id));
  const children = new Map<string | null, P[]>();
  for (const page of readable) {
    // A page whose parent is not offered starts a tree of its own (an analyst's scope).
    const parent = page.parentId && ids.has(page.parentId) ? page.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), page]);
  }
  const options: ScopeOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    const level = [...(children.get(parent) ?? [])].sort((a, b) => a.scopeIds.length - b.scopeIds.length || a.network.localeCompare(b.network) || a.name.localeCompare(b.name));
    for (const page of level) {
      options.push({ value: page.id, label: `${page.name}${showNetwork && depth === 0 ? ` (${page.network})` : ''}`, depth });
      visit(page.id, depth + 1);
    }
  };
  visit(null, 0);
  return options;
}
