import { useEffect, useRef, type RefObject } from 'react';
import { isTyping } from '../../../shared/keyboard';
import type { ActionRefs } from './conversation-actions';
import { shortcutOf } from './workspace-model';

export interface WorkspaceRefs extends ActionRefs {
  reply: RefObject<HTMLTextAreaElement | null>;
  canned: RefObject<HTMLInputElement | null>;
}

interface ShortcutHandlers {
  /** A conversation is open: the keys that act on one do something. */
  working: boolean;
  onClaim: () => void;
  onToggleHelp: () => void;
  onResolve: () => void;
}

/** The workspace's keys (SHORTCUTS): claim, help, and focus or act on the open conversation. Returns the fields they focus. */
export function useWorkspaceShortcuts({ working, onClaim, onToggleHelp, onResolve }: ShortcutHandlers): WorkspaceRefs {
  const refs: WorkspaceRefs = {
    reply: useRef<HTMLTextAreaElement | null>(null),
    canned: useRef<HTMLInputElement | null>(null),
    note: useRef<HTMLTextAreaElement | null>(null),
    escalate: useRef<HTMLInputElement | null>(null),
    snooze: useRef<HTMLInputElement | null>(null),
  };

  // Bound again on every render, so a key acts on what is shown now.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTyping(event.target)) return;
      const action = shortcutOf(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'claim') onClaim();
      else if (action === 'help') onToggleHelp();
      else if (!working) return;
      else if (action === 'resolve') onResolve();
      else refs[action].current?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return refs;
}
