import { rulesToAST } from '@casl/ability/extra';
import type { Action, PivotAbility, SubjectType } from '@pivot/domain';

/** How one subject field maps to SQL. `custom` handles fields that are not columns (a user's scopes). */
export interface FieldSql {
  column?: string;
  array?: boolean;
  custom?: (operator: string, param: string) => string;
}

export type FieldMap = Record<string, FieldSql>;

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

let counter = 0;

/**
 * Turns the caller's rules for (action, subject) into one SQL condition, so lists are
 * filtered by the database with the same rules `ability.can` applies in memory. Fails
 * closed: an operator or field it does not know throws rather than widening access.
 */
export function abilityToSql(ability: PivotAbility, action: Action, subjectType: SubjectType, fields: FieldMap): SqlCondition {
  const ast = rulesToAST(ability, action, subjectType) as AstNode | null;
  const params: Record<string, unknown> = {};
  if (!ast) return { sql: 'FALSE', params };
  const param = (value: unknown) => {
    counter = (counter + 1) % 1_000_000;
    const name = `casl_${counter}`;
    params[name] = value;
    return `:${name}`;
  };
  return { sql: render(ast, fields, param), params };
}

function render(node: AstNode, fields: FieldMap, param: (value: unknown) => string): string {
  switch (node.operator) {
    case 'and': {
      const parts = (node.value as AstNode[]).map((child) => render(child, fields, param));
      return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
    }
    case 'or': {
      const parts = (node.value as AstNode[]).map((child) => render(child, fields, param));
      return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
    }
    case 'not': {
      const [child] = node.value as AstNode[];
      return `NOT ${render(child, fields, param)}`;
    }
    default:
      return renderField(node, fields, param);
  }
}

function renderField(node: AstNode, fields: FieldMap, param: (value: unknown) => string): string {
  const field = node.field ? fields[node.field] : undefined;
  if (!field) throw new Error(`No SQL mapping for field "${node.field}" (operator ${node.operator})`);
  if (field.custom) return field.custom(node.operator, param(node.value));
  const column = field.column!;
  const { operator, value } = node;
  if (field.array) {
    // Arrays match by containment, as CASL does in memory.
    if (operator === 'eq') return `${column} @> ARRAY[${param(value)}]::uuid[]`;
    if (operator === 'in') return `${column} && ${param(value)}::uuid[]`;
    if (operator === 'ne') return `NOT (${column} @> ARRAY[${param(value)}]::uuid[])`;
    if (operator === 'nin') return `NOT (${column} && ${param(value)}::uuid[])`;
  } else {
    if (operator === 'eq') return value === null ? `${column} IS NULL` : `${column} = ${param(value)}`;
    if (operator === 'ne') return value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM ${param(value)}`;
    if (operator === 'in') return `${column} = ANY(${param(value)})`;
    if (operator === 'nin') return `NOT (${column} = ANY(${param(value)}))`;
  }
  throw new Error(`No SQL for operator "${operator}" on field "${node.field}"`);
}

/** The SQL shape of each subject, by table alias. */
export const SUBJECT_FIELDS = {
  Brand: (alias: string): FieldMap => ({ id: { column: `${alias}.id` } }),
  Page: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
    kind: { column: `${alias}.kind` },
    status: { column: `${alias}.status` },
  }),
  MarketAlias: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
  }),
  RoleAssignment: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
    role: { column: `${alias}.role` },
    userId: { column: `${alias}.user_id` },
  }),
  AuditEntry: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
  }),
  InboundItem: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
  }),
  UnmatchedInboundItem: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    network: { column: `${alias}.network` },
  }),
  Conversation: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
  }),
  Post: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
    authorId: { column: `${alias}.author_id` },
    state: { column: `${alias}.state` },
    parentPostId: { column: `${alias}.parent_post_id` },
    // Nullable and only ever refused ("not the post they submitted"): a plain `NOT (col = x)` would be
    // NULL, and so drop every unsubmitted post from the list.
    submittedById: { custom: (operator, param) => (operator === 'eq' ? `${alias}.submitted_by IS NOT DISTINCT FROM ${param}` : unsupported('submittedById', operator)) },
  }),
  ApprovalPolicy: (alias: string): FieldMap => ({ brandId: { column: `${alias}.brand_id` } }),
  BrandGuardrails: (alias: string): FieldMap => ({ brandId: { column: `${alias}.id` } }),
  ReplyQueue: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
  }),
  RoutingRule: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
    // The page it is defined on: the trail rules match it against the ancestors of the reader's scope.
    scopePageId: { column: `${alias}.scope_page_id` },
  }),
  CannedResponse: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
    // The page it is defined on: the trail rules match it against the ancestors of the reader's scope.
    scopePageId: { column: `${alias}.scope_page_id` },
  }),
  // A page's metrics, checked on the page row (`alias` is a pages alias).
  Metrics: (alias: string): FieldMap => ({
    brandId: { column: `${alias}.brand_id` },
    scopeIds: { column: `${alias}.scope_ids`, array: true },
  }),
  User: (alias: string): FieldMap => ({
    id: { column: `${alias}.id` },
    // A user belongs to the brands and scopes of their role assignments.
    brandIds: {
      custom: (operator, param) =>
        operator === 'eq'
          ? `EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = ${alias}.id AND ra.brand_id = ${param})`
          : unsupported('brandIds', operator),
    },
    assignmentScopeIds: {
      custom: (operator, param) =>
        operator === 'eq'
          ? `EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = ${alias}.id AND ra.scope_ids @> ARRAY[${param}]::uuid[])`
          : unsupported('assignmentScopeIds', operator),
    },
  }),
} satisfies Record<SubjectType, (alias: string) => FieldMap>;

function unsupported(field: string, operator: string): never {
  throw new Error(`No SQL for operator "${operator}" on field "${field}"`);
}
