'use client';

import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { CommandPalette } from './command-palette';
import type { PaletteAction, PaletteLabels } from './palette-types';
import { ShortcutsDialog } from './shortcuts-dialog';

// A two-key shortcut ("g" then "d") counts only if the second key follows within this time.
const SEQUENCE_MS = 1500;

/** Typing in a field, a select or an editable region is never a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const subscribeNever = () => () => {};

/** The header's search button, the command palette and the keyboard shortcuts of the workspace. */
export function CommandCenter({ actions, labels }: { actions: PaletteAction[]; labels: PaletteLabels }) {
  const router = useRouter();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const pending = useRef<{ key: string; at: number } | null>(null);
  // "Ctrl" on the server and until hydration, then "⌘" on a Mac: the hint never mismatches the first render.
  const paletteKey = useSyncExternalStore(
    subscribeNever,
    () => (isMac() ? '⌘' : 'Ctrl'),
    () => 'Ctrl',
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setHelpOpen(false);
        setPaletteOpen((open) => !open);
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // A dialog (this palette, a confirmation) owns the keyboard while it is open.
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      if (event.key === '?') {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      const key = event.key.toLowerCase();
      const first = pending.current;
      pending.current = null;
      if (first && event.timeStamp - first.at < SEQUENCE_MS) {
        const action = actions.find((candidate) => candidate.keys?.[0] === first.key && candidate.keys[1] === key);
        if (action) {
          event.preventDefault();
          router.push(action.href);
          return;
        }
      }
      if (actions.some((candidate) => candidate.keys?.[0] === key)) pending.current = { key, at: event.timeStamp };
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, router]);

  return (
    <>
      <button
        type="button"
        onClick={() => setPaletteOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex h-10 min-w-10 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-600 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-700 xl:min-w-48 xl:justify-start"
      >
        <Search aria-hidden className="size-4 shrink-0" />
        <span className="sr-only xl:not-sr-only xl:flex-1 xl:text-left">{labels.search}</span>
        <kbd aria-hidden className="hidden rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs xl:inline">
          {paletteKey} K
        </kbd>
      </button>
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} actions={actions} labels={labels} />
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} actions={actions} labels={labels} paletteKey={paletteKey} />
    </>
  );
}
