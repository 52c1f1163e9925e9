import { archive, as, must, newSegment, unique, type Who } from './access-world';
import { ADMINS, FR_GOVERNORS, outcomes, type MatrixCase, type MatrixWorld, type Outcome } from './matrix-cases';

/*
 * Every field of the page mutations' inputs, one at a time, sent by every role on FR's pages:
 * the brand team sets brand-locked and structural fields (DESIGN §4), FR's manager gets FORBIDDEN
 * for them and changes the rest. A refused write leaves the page as it was.
 */

const FIELDS = 'id parentId kind network externalId handle url name country languages segment defaultVariant regionCountries pictureUrl description keywords website status version';
const UPDATE = `mutation($id: ID!, $input: UpdatePageInput!) { updatePage(id: $id, input: $input) { ${FIELDS} } }`;
const CREATE = `mutation($input: CreatePageInput!) { createPage(input: $input) { ${FIELDS} } }`;

type PageFields = Record<string, unknown> & { id: string; version: number };
const stateOf = async (w: MatrixWorld, id: string): Promise<PageFields> =>
  must(await as(w, 'PLATFORM', `query($id: ID!) { page(id: $id) { ${FIELDS} } }`, { id }), 'page').page;

/** FR's governors change it. */
const FREE = outcomes({ OK: FR_GOVERNORS, NOT_FOUND: ['ES_MANAGER'] }, 'FORBIDDEN');
/** The brand team's only: FR's manager reads the page, so FORBIDDEN; ES's manager does not, so NOT_FOUND. */
const BRANDS = outcomes({ OK: ADMINS, NOT_FOUND: ['ES_MANAGER'] }, 'FORBIDDEN');
/** The brand team may name the field, and the tree rules refuse this value; nobody else gets that far. */
const BRANDS_INVALID = outcomes({ BAD_USER_INPUT: ADMINS, NOT_FOUND: ['ES_MANAGER'] }, 'FORBIDDEN');
/** As above, for a new page under FR: ES's manager cannot see the parent, an unknown parent to them. */
const asCreate = (update: Record<Who, Outcome>): Record<Who, Outcome> => ({ ...update, ES_MANAGER: 'BAD_USER_INPUT' });

interface UpdateSpec {
  title: string;
  field: string;
  /** The page changed: FR's market page, or a throwaway student page under FR. */
  on: 'FR' | 'an FR segment';
  value: (w: MatrixWorld, who: Who, before: PageFields) => unknown;
  expect: Record<Who, Outcome>;
}

const UPDATE_SPECS: UpdateSpec[] = [
  { title: "FR's manager cannot move the FR market page to country ES", field: 'country', on: 'FR', value: () => 'ES', expect: BRANDS },
  { title: "FR's manager cannot make the FR market page the default language variant", field: 'defaultVariant', on: 'FR', value: () => true, expect: BRANDS },
  { title: "FR's manager cannot bind the FR market page to another external id", field: 'externalId', on: 'FR', value: (_w, who) => `fb-matrix-${who.toLowerCase()}`, expect: BRANDS },
  { title: "FR's manager cannot unbind the FR market page from its external id", field: 'externalId', on: 'FR', value: () => null, expect: BRANDS },
  { title: "FR's manager cannot change the FR market page's languages", field: 'languages', on: 'FR', value: () => ['es'], expect: BRANDS },
  { title: "FR's manager cannot give the FR market page region countries", field: 'regionCountries', on: 'FR', value: () => ['ES'], expect: BRANDS_INVALID },
  { title: "FR's manager cannot move an FR segment page under ES", field: 'parentId', on: 'an FR segment', value: (w) => w.id.ES, expect: BRANDS },
  { title: "FR's manager cannot change an FR segment page's audience", field: 'segment', on: 'an FR segment', value: () => 'consumer', expect: BRANDS_INVALID },
  { title: "FR's manager cannot rename the FR market page (brand-locked)", field: 'name', on: 'FR', value: (_w, who) => `Northwind France ${who}`, expect: BRANDS },
  { title: "FR's manager cannot change the FR market page's picture (brand-locked)", field: 'pictureUrl', on: 'FR', value: (_w, who) => `https://cdn.example/${who}.png`, expect: BRANDS },
  { title: "FR's manager cannot change the FR market page's website (brand-locked)", field: 'website', on: 'FR', value: (_w, who) => `https://${who.toLowerCase()}.example`, expect: BRANDS },
  { title: "FR's manager changes the FR market page's url", field: 'url', on: 'FR', value: (_w, who) => `https://www.facebook.com/northwind.fr.${who.toLowerCase()}`, expect: FREE },
  { title: "FR's manager changes the FR market page's handle", field: 'handle', on: 'FR', value: (_w, who) => `northwind.fr.${who.toLowerCase()}`, expect: FREE },
  { title: "FR's manager changes the FR market page's description", field: 'description', on: 'FR', value: (_w, who) => `Bonjour de ${who}`, expect: FREE },
  { title: "FR's manager changes the FR market page's keywords", field: 'keywords', on: 'FR', value: (_w, who) => ['france', who.toLowerCase()], expect: FREE },
  { title: "FR's manager sends the version they edited", field: 'expectedVersion', on: 'FR', value: (_w, _who, before) => before.version, expect: FREE },
];

function updateField(spec: UpdateSpec): MatrixCase<PageFields> {
  const input = (w: MatrixWorld, who: Who, before: PageFields) => ({ [spec.field]: spec.value(w, who, before) });
  const throwaway = spec.on !== 'FR';
  return {
    title: `updatePage ${spec.field}: ${spec.title}`,
    expect: spec.expect,
    prepare: async (w) => stateOf(w, throwaway ? await newSegment(w, w.id.FR) : w.id.FR),
    run: (w, who, before) => as(w, who, UPDATE, { id: before.id, input: input(w, who, before) }),
    ok: (data, w, who, before) => {
      const [field, value] = Object.entries(input(w, who, before))[0];
      if (field !== 'expectedVersion') expect(data.updatePage[field]).toEqual(value);
    },
    unchanged: async (w, _who, before) => expect(await stateOf(w, before.id)).toEqual(before),
    cleanup: async (w, _who, before) => {
      if (throwaway) return archive(w, before.id);
      const now = await stateOf(w, before.id);
      if (spec.field !== 'expectedVersion' && JSON.stringify(now[spec.field]) !== JSON.stringify(before[spec.field])) {
        must(await as(w, 'PLATFORM', UPDATE, { id: before.id, input: { [spec.field]: before[spec.field] } }), 'restore');
      }
    },
  };
}

interface CreateSpec {
  title: string;
  /** Added to a new student page under FR (the seeded one is archived by the matrix's setup). */
  extra: (w: MatrixWorld, who: Who) => Record<string, unknown>;
  expect: Record<Who, Outcome>;
}

const studentPage = (w: MatrixWorld, who: Who) => {
  const name = unique(`${who} students`);
  return { brandId: w.brandId, parentId: w.id.FR, kind: 'SEGMENT', segment: 'student', name, url: `https://www.facebook.com/${name}` };
};

const CREATE_SPECS: CreateSpec[] = [
  {
    title: "FR's manager creates a student page under FR naming its audience, name and free fields",
    extra: (_w, who) => ({ handle: `students.${who.toLowerCase()}`, description: 'Étudiants', keywords: ['campus'] }),
    expect: asCreate(FREE),
  },
  { title: "FR's manager may repeat the languages a new FR segment page takes from FR", extra: () => ({ languages: ['fr'] }), expect: asCreate(FREE) },
  { title: "FR's manager may repeat the network a new FR segment page takes from FR", extra: () => ({ network: 'facebook' }), expect: asCreate(FREE) },
  { title: "FR's manager cannot create a page under FR bound to an external id", extra: (_w, who) => ({ externalId: unique(`fb-new-${who.toLowerCase()}`) }), expect: asCreate(BRANDS) },
  { title: "FR's manager cannot give a new FR segment page other languages", extra: () => ({ languages: ['es'] }), expect: asCreate(BRANDS) },
  { title: "FR's manager cannot give a new FR segment page a picture (brand-locked)", extra: () => ({ pictureUrl: 'https://cdn.example/students.png' }), expect: asCreate(BRANDS) },
  { title: "FR's manager cannot give a new FR segment page a website (brand-locked)", extra: () => ({ website: 'https://students.example' }), expect: asCreate(BRANDS) },
  { title: "FR's manager cannot create a page under FR for country ES", extra: () => ({ country: 'ES' }), expect: asCreate(BRANDS_INVALID) },
  { title: "FR's manager cannot create a default variant under FR", extra: () => ({ defaultVariant: true }), expect: asCreate(BRANDS_INVALID) },
  { title: "FR's manager cannot create a page under FR serving region countries", extra: () => ({ regionCountries: ['ES'] }), expect: asCreate(BRANDS_INVALID) },
  { title: "FR's manager cannot create a page under FR on another network", extra: () => ({ network: 'instagram' }), expect: asCreate(BRANDS_INVALID) },
  { title: "FR's manager cannot create a market page under FR", extra: () => ({ kind: 'MARKET' }), expect: asCreate(BRANDS_INVALID) },
];

/** The fields a spec sends: its inputs' keys, which depend on no world. */
const NO_WORLD = { id: {} } as MatrixWorld;
const fieldsOf = (spec: CreateSpec) => Object.keys(spec.extra(NO_WORLD, 'PLATFORM'));

function createWith(spec: CreateSpec): MatrixCase<{ name?: string; created?: string; sent?: Record<string, unknown> }> {
  return {
    title: `createPage ${fieldsOf(spec).join(', ')}: ${spec.title}`,
    expect: spec.expect,
    prepare: async () => ({}),
    run: async (w, who, target) => {
      target.sent = spec.extra(w, who);
      const input = { ...studentPage(w, who), ...target.sent };
      target.name = input.name;
      const result = await as(w, who, CREATE, { input });
      target.created = result.data?.createPage?.id;
      return result;
    },
    ok: (data, w, _who, target) => expect(data.createPage).toMatchObject({ parentId: w.id.FR, status: 'ACTIVE', languages: ['fr'], ...target.sent }),
    unchanged: async (w, _who, target) => expect(await pagesNamed(w, target.name!)).toEqual([]),
    cleanup: async (w, _who, target) => {
      if (target.created) await archive(w, target.created);
    },
  };
}

const pagesNamed = async (w: MatrixWorld, name: string) =>
  must(await as(w, 'PLATFORM', '{ brand(slug: "northwind") { pages { id name } } }')).brand.pages.filter((p: { name: string }) => p.name === name);

/** The external id of ES's market page, which no second active page may hold. */
const esExternalId = async (w: MatrixWorld) => (await stateOf(w, w.id.ES)).externalId as string;

/** Beyond one field at a time: where a market's pages may go, and who holds an external id. */
const PLACEMENT_CASES: MatrixCase[] = [
  {
    title: "updatePage externalId: nobody gives FR the ES page's external id: CONFLICT for the brand team, FORBIDDEN for FR's manager",
    expect: outcomes({ CONFLICT: ADMINS, NOT_FOUND: ['ES_MANAGER'] }, 'FORBIDDEN'),
    prepare: (w) => stateOf(w, w.id.FR),
    run: async (w, who, before: PageFields) => as(w, who, UPDATE, { id: before.id, input: { externalId: await esExternalId(w) } }),
    unchanged: async (w, _who, before: PageFields) => expect(await stateOf(w, before.id)).toEqual(before),
  },
  {
    title: "createPage externalId: nobody creates a second page for the ES page's external id, and nothing of it is written",
    expect: asCreate(outcomes({ CONFLICT: ADMINS, NOT_FOUND: ['ES_MANAGER'] }, 'FORBIDDEN')),
    prepare: async () => ({}) as { name?: string },
    run: async (w, who, target: { name?: string }) => {
      const input = { ...studentPage(w, who), externalId: await esExternalId(w) };
      target.name = input.name;
      return as(w, who, CREATE, { input });
    },
    unchanged: async (w, _who, target: { name?: string }) => expect(await pagesNamed(w, target.name!)).toEqual([]),
  },
  {
    // A language variant sits beside its market, under the region: out of the market's scope.
    title: "createPage: FR's manager cannot add a language variant of FR beside it",
    expect: outcomes({ OK: ADMINS }, 'FORBIDDEN'),
    prepare: async () => ({}) as { created?: string },
    run: async (w, who, target: { created?: string }) => {
      const name = unique(`France English ${who}`);
      const input = { brandId: w.brandId, parentId: w.id.EMEA, kind: 'MARKET', country: 'FR', languages: ['en'], name, url: `https://www.facebook.com/${name}` };
      const result = await as(w, who, CREATE, { input });
      target.created = result.data?.createPage?.id;
      return result;
    },
    ok: (data, w) => expect(data.createPage).toMatchObject({ parentId: w.id.EMEA, country: 'FR', languages: ['en'] }),
    cleanup: async (w, _who, target: { created?: string }) => {
      if (target.created) await archive(w, target.created);
    },
  },
];

export const PAGE_FIELD_CASES: MatrixCase[] = [...UPDATE_SPECS.map(updateField), ...CREATE_SPECS.map(createWith), ...PLACEMENT_CASES];

/** The input fields these cases send, per input type: the rule test requires one for every field of the schema. */
export const FIELDS_WITH_CASES: Record<'UpdatePageInput' | 'CreatePageInput', string[]> = {
  UpdatePageInput: [...new Set(UPDATE_SPECS.map((spec) => spec.field))],
  CreatePageInput: [...new Set([...Object.keys(studentPage(NO_WORLD, 'PLATFORM')), ...CREATE_SPECS.flatMap(fieldsOf)])],
};
