import { CombinedGraphQLErrors } from '@apollo/client';
import {
  cannedContextOf,
  currentHolder,
  firstNameOf,
  leaseLabel,
  leaseRefusalOf,
  otherHeld,
  pickedLanguage,
  previewCanned,
  renewDue,
  replyLanguages,
  RENEW_EVERY_MS,
  shortcutOf,
  SHORTCUTS,
  workErrorMessage,
} from './workspace-model';

const variants = [
  { language: 'en', body: 'Hi {{author.firstName}}, thanks for writing to {{page.name}}.' },
  { language: 'fr', body: 'Bonjour {{author.firstName}}, merci d’avoir écrit à {{page.name}}. {{moderator.firstName}}' },
];
const preview = { authorName: '  Camille   Martin ', pageName: 'Northwind France', moderatorName: 'Marc Moderator' };
const NOW = Date.parse('2026-12-01T09:00:00.000Z');
const forbidden = (extensions: Record<string, unknown>) => new CombinedGraphQLErrors({ errors: [{ message: 'Marc holds this conversation', extensions }] });

describe('the canned response preview', () => {
  it('fills the author’s first name, the page and the moderator as the API does (first word of the name)', () => {
    const rendered = previewCanned(variants, preview, replyLanguages(null, 'fr-FR', ['en']));
    expect(rendered).toEqual({ language: 'fr', text: 'Bonjour Camille, merci d’avoir écrit à Northwind France. Marc', missing: [] });
  });

  it('picks the language chosen in the box before the conversation’s and the page’s', () => {
    expect(replyLanguages('en', 'fr', ['fr'])).toEqual(['en', 'fr', 'fr']);
    expect(pickedLanguage(variants, replyLanguages('en', 'fr', ['fr']))).toBe('en');
    expect(pickedLanguage(variants, replyLanguages(null, null, ['fr-BE']))).toBe('fr');
  });

  it('lists an author without a name as missing, so the box refuses to send "Hi {{author.firstName}}"', () => {
    const rendered = previewCanned(variants, { ...preview, authorName: null }, ['en']);
    expect(rendered.missing).toEqual(['author.firstName']);
    expect(rendered.text).toContain('{{author.firstName}}');
    expect(cannedContextOf({ ...preview, authorName: null }).author).toEqual({ firstName: null, name: '' });
    expect(firstNameOf('   ')).toBeNull();
  });
});

describe('the lease', () => {
  const names = new Map([['u-marc', 'Marc Moderator']]);
  const until = new Date(NOW + 4 * 60_000 + 5_000).toISOString();

  it('names the holder and the time left while the lease holds', () => {
    expect(leaseLabel({ assigneeId: 'u-me', leaseExpiresAt: until }, NOW, 'u-me', names)).toMatch(/^Held by you until .+ \(4 min left\)$/);
    expect(leaseLabel({ assigneeId: 'u-marc', leaseExpiresAt: until }, NOW, 'u-me', names)).toMatch(/^Held by Marc Moderator until /);
    expect(leaseLabel({ assigneeId: 'u-x', leaseExpiresAt: new Date(NOW + 30_000).toISOString() }, NOW, 'u-me', names)).toMatch(/another moderator .*\(30 s left\)$/);
  });

  it('has no holder once the lease lapsed', () => {
    const lapsed = { assigneeId: 'u-me', leaseExpiresAt: new Date(NOW - 1).toISOString() };
    expect(currentHolder(lapsed, NOW)).toBeNull();
    expect(leaseLabel(lapsed, NOW, 'u-me', names)).toBe('Lease lapsed: claim it again to work on it');
    expect(leaseLabel({ assigneeId: null, leaseExpiresAt: null }, NOW, 'u-me', names)).toBe('Not claimed');
  });

  it('lists as "also held by you" only the live leases of the moderator, the open conversation left out', () => {
    const held = [
      { id: 'c-open', assigneeId: 'u-me', leaseExpiresAt: until },
      { id: 'c-mine', assigneeId: 'u-me', leaseExpiresAt: until },
      { id: 'c-lapsed', assigneeId: 'u-me', leaseExpiresAt: new Date(NOW - 1).toISOString() },
      { id: 'c-marc', assigneeId: 'u-marc', leaseExpiresAt: until },
    ];
    expect(otherHeld(held, 'u-me', NOW, 'c-open').map((conversation) => conversation.id)).toEqual(['c-mine']);
    expect(otherHeld(held, undefined, NOW, undefined)).toEqual([]);
  });

  it('renews at most once per interval while the holder types', () => {
    expect(renewDue(0, NOW)).toBe(true);
    expect(renewDue(NOW - RENEW_EVERY_MS + 1, NOW)).toBe(false);
    expect(renewDue(NOW - RENEW_EVERY_MS, NOW)).toBe(true);
  });
});

describe('errors shown inline', () => {
  it('turns FORBIDDEN with leaseHolder into "held by X until …"', () => {
    const error = forbidden({ code: 'FORBIDDEN', leaseHolder: { id: 'u-marc', displayName: 'Marc Moderator' }, leaseExpiresAt: '2026-12-01T09:05:00.000Z' });
    expect(leaseRefusalOf(error)?.holder.displayName).toBe('Marc Moderator');
    expect(workErrorMessage(error)).toMatch(/^Held by Marc Moderator until \d/);
  });

  it('keeps a FORBIDDEN without holder (not claimed) as the API said it, and BAD_USER_INPUT as its field messages', () => {
    expect(leaseRefusalOf(forbidden({ code: 'FORBIDDEN', leaseHolder: null }))).toBeNull();
    const bad = new CombinedGraphQLErrors({
      errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'cannedResponseId', message: '{{author.firstName}} has no value for this conversation' }] } }],
    });
    expect(workErrorMessage(bad)).toBe('{{author.firstName}} has no value for this conversation');
    expect(workErrorMessage(new Error('socket'))).toBe('The API cannot be reached. Try again.');
  });
});

describe('the keyboard', () => {
  it('maps single keys to actions and leaves modified keys to the browser', () => {
    const key = (k: string, mods: Partial<KeyboardEvent> = {}) => shortcutOf({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    expect(['n', 'r', '/', 'i', 'e', 's', 'x', '?'].map((k) => key(k))).toEqual(['claim', 'reply', 'canned', 'note', 'escalate', 'snooze', 'resolve', 'help']);
    expect(key('n', { ctrlKey: true })).toBeNull();
    expect(key('q')).toBeNull();
  });

  it('documents every key the handler knows', () => {
    const documented = SHORTCUTS.map((shortcut) => shortcut.key);
    for (const k of ['n', 'r', '/', 'i', 'e', 's', 'x', '?']) expect(documented).toContain(k);
  });
});
