/**
 * The signed-in session: the API's JWT kept in sessionStorage, so it lasts for the tab and
 * goes with it. Components subscribe to changes through useSyncExternalStore.
 */
const TOKEN_KEY = 'pivot.accessToken';
const EXPIRES_KEY = 'pivot.expiresAt';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Why the last session ended, so the sign-in screen can say it. */
export type SessionEnd = 'expired' | 'signedOut';
let lastEnd: SessionEnd | null = null;

export function lastSessionEnd(): SessionEnd | null {
  return lastEnd;
}

export function readToken(): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const expiresAt = sessionStorage.getItem(EXPIRES_KEY);
  if (!token) return null;
  // An expired token would only earn an UNAUTHENTICATED answer: treat it as gone.
  if (expiresAt && Date.parse(expiresAt) <= Date.now()) {
    lastEnd = 'expired';
    return null;
  }
  return token;
}

export function saveSession(token: string, expiresAt: string): void {
  lastEnd = null;
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(EXPIRES_KEY, expiresAt);
  notify();
}

export function clearSession(reason: SessionEnd): void {
  lastEnd = reason;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
  notify();
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}
