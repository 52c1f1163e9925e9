import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asSubject, BRAND_LOCKED_PAGE_FIELDS, defineAbilityFor, STRUCTURAL_PAGE_FIELDS, type Action } from '@pivot/domain';
import { buildSchema, getNamedType, isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import { FIELDS_WITH_CASES } from './matrix-page-field-cases';

/*
 * The rule behind the page-field matrix: every field a page mutation's input carries is named by
 * the market manager's ability, as one it may set or as a brand-locked or structural one it may
 * not; any other field is FORBIDDEN to it. Read from the committed schema, so a new input field
 * fails here until it is classified, and until the matrix sends it.
 */

/** Input fields that are not page fields: which brand (the rules' condition) and the version edited. */
const NOT_PAGE_FIELDS = ['brandId', 'expectedVersion'];

const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));

/** The input types reachable from the arguments of the mutations that answer a Page. */
function pageMutationInputs(): Map<string, GraphQLInputObjectType> {
  const found = new Map<string, GraphQLInputObjectType>();
  const visit = (type: GraphQLInputObjectType) => {
    if (found.has(type.name)) return;
    found.set(type.name, type);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isInputObjectType(named)) visit(named);
    }
  };
  for (const mutation of Object.values(schema.getMutationType()!.getFields())) {
    if (getNamedType(mutation.type).name !== 'Page') continue;
    for (const arg of mutation.args) {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) visit(named);
    }
  }
  return found;
}

const BRAND = 'b';
const SCOPES = { G: ['G'], EMEA: ['G', 'EMEA'], FR: ['G', 'EMEA', 'FR'] };
const manager = defineAbilityFor({ userId: 'u', grants: [{ role: 'MARKET_MANAGER', brandId: BRAND, scopePageId: 'FR', scopeIds: SCOPES.FR }] });
/** What each input's action is about: FR's market page, and a new segment page under it. */
const TARGETS: Record<string, [Action, object]> = {
  UpdatePageInput: ['update', { id: 'FR', brandId: BRAND, scopeIds: SCOPES.FR, kind: 'MARKET' }],
  CreatePageInput: ['create', { id: 'new', brandId: BRAND, scopeIds: [...SCOPES.FR, 'new'], kind: 'SEGMENT', parentId: 'FR' }],
};

/** The fields the market manager's Page rules name for an action; '*' when a rule names none (every field). */
const namedByAbility = (action: Action) => manager.rulesFor(action, 'Page').filter((rule) => !rule.inverted).flatMap((rule) => (rule.fields ? [rule.fields].flat() : ['*']));

const inputs = pageMutationInputs();
const FORBIDDEN_BY_NAME: readonly string[] = [...STRUCTURAL_PAGE_FIELDS, ...BRAND_LOCKED_PAGE_FIELDS];

describe('page mutation inputs: a field the market manager’s ability does not name is FORBIDDEN to it', () => {
  it('finds the page mutations’ inputs in schema.gql', () => {
    expect([...inputs.keys()].sort()).toEqual(['CreatePageInput', 'UpdatePageInput']);
  });

  describe.each([...inputs.values()].map((type) => [type.name, type] as const))('%s', (name, type) => {
    const [action, target] = TARGETS[name];
    const allowed = namedByAbility(action);
    const fields = Object.keys(type.getFields());

    it('the market manager’s rule names its fields one by one, never every field', () => {
      expect(allowed).not.toContain('*');
    });

    it('every field is named: allowed to the market manager, brand-locked, structural, or not a page field', () => {
      const unnamed = fields.filter((field) => ![...allowed, ...FORBIDDEN_BY_NAME, ...NOT_PAGE_FIELDS].includes(field));
      expect(unnamed).toEqual([]);
    });

    it('FR’s manager may set exactly the fields the ability allows, and none of the others', () => {
      const may = fields.filter((field) => !NOT_PAGE_FIELDS.includes(field) && manager.can(action, asSubject('Page', target), field));
      expect(may.sort()).toEqual(fields.filter((field) => allowed.includes(field)).sort());
    });

    it('a field nobody classified (as a new input field would be) is FORBIDDEN to FR’s manager', () => {
      expect(manager.can(action, asSubject('Page', target), 'aFieldAddedTomorrow')).toBe(false);
    });

    it('the authorization matrix sends every field of it', () => {
      expect(fields.filter((field) => !FIELDS_WITH_CASES[name as keyof typeof FIELDS_WITH_CASES].includes(field))).toEqual([]);
    });
  });

  it('no structural or brand-locked field may be changed by FR’s manager on FR’s market page', () => {
    const [action, target] = TARGETS.UpdatePageInput;
    expect(FORBIDDEN_BY_NAME.filter((field) => manager.can(action, asSubject('Page', target), field))).toEqual([]);
  });
});
