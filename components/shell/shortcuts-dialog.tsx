'use client';

import { X } from 'lucide-react';
import { Dialog } from 'radix-ui';
import type { PaletteAction, PaletteLabels } from './palette-types';

const Keys = ({ keys, then }: { keys: string[]; then?: string }) => (
  <span className="flex items-center gap-1 whitespace-nowrap">
    {keys.map((key, index) => (
      <span key={`${key}-${index}`} className="flex items-center gap-1">
        {index > 0 && then && <span className="text-xs text-slate-600">{then}</span>}
        <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">{key}</kbd>
      </span>
    ))}
  </span>
);

/** "?": every shortcut this person has, as a list a screen reader reads in order: what it does, then the keys. */
export function ShortcutsDialog({
  open,
  onOpenChange,
  actions,
  labels,
  paletteKey,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  actions: PaletteAction[];
  labels: PaletteLabels;
  paletteKey: string;
}) {
  const rows: { label: string; keys: string[]; then?: string }[] = [
    { label: labels.shortcutOpenPalette, keys: [paletteKey, 'K'] },
    { label: labels.shortcutShowHelp, keys: ['?'] },
    ...actions
      .filter((action) => action.keys)
      .map((action) => ({
        label: action.label,
        keys: action.keys ?? [],
        then: labels.then,
      })),
  ];
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-[10vh] z-50 max-h-[80vh] w-[min(28rem,calc(100vw-1.5rem))] -translate-x-1/2 overflow-y-auto rounded-lg border border-slate-200 bg-white p-5 shadow-2xl focus:outline-none">
          <div className="flex items-start justify-between gap-3">
            <Dialog.Title className="text-lg font-semibold text-brand-900">{labels.shortcutsTitle}</Dialog.Title>
            <Dialog.Close className="inline-flex size-9 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700">
              <X aria-hidden className="size-5" />
              <span className="sr-only">{labels.close}</span>
            </Dialog.Close>
          </div>
          <Dialog.Description className="mt-1 text-sm text-slate-600">{labels.shortcutsIntro}</Dialog.Description>
          <dl className="mt-4 divide-y divide-slate-100">
            {rows.map((row) => (
              <div key={row.label} className="flex items-center justify-between gap-4 py-2 text-sm">
                <dt className="text-slate-800">{row.label}</dt>
                <dd>
                  <Keys keys={row.keys} then={row.then} />
                </dd>
              </div>
            ))}
          </dl>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
