'use client';

import { Command } from 'cmdk';
import { Briefcase, FilePlus, Loader2, Search, User, UserPlus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import type { PaletteAction, PaletteLabels } from './palette-types';
import { useWorkspaceSearch } from './use-workspace-search';

const itemClass =
  'flex min-h-10 cursor-default items-center gap-3 rounded-md px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-900 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-slate-500';
const groupClass =
  'px-1 py-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-600';

const matches = (label: string, q: string) => label.toLocaleLowerCase().includes(q.toLocaleLowerCase());

/**
 * Ctrl+K / Cmd+K: the firm's clients and cases by name or any of their numbers (asked from the server as one types),
 * and the pages and actions the person's role may use (filtered here, listed first: "new case" is a command, not a
 * search). Enter opens the highlighted one.
 */
export function CommandPalette({ open, onOpenChange, actions, labels }: { open: boolean; onOpenChange: (open: boolean) => void; actions: PaletteAction[]; labels: PaletteLabels }) {
  const router = useRouter();
  const [query, setQuery] = useState('');
  const search = useWorkspaceSearch(query);
  const q = query.trim();
  const shown = actions.filter((action) => !q || matches(action.label, q));
  const go = (href: string) => {
    onOpenChange(false);
    setQuery('');
    router.push(href);
  };
  const { cases, clients } = search.result;
  const searching = q.length >= 2;
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setQuery('');
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed left-1/2 top-[10vh] z-50 w-[min(40rem,calc(100vw-1.5rem))] -translate-x-1/2 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-2xl focus:outline-none"
        >
          <Dialog.Title className="sr-only">{labels.dialogTitle}</Dialog.Title>
          <Command label={labels.dialogTitle} shouldFilter={false} loop>
            <div className="flex items-center gap-2 border-b border-slate-200 px-3">
              <Search aria-hidden className="size-4 shrink-0 text-slate-500" />
              <Command.Input
                value={query}
                onValueChange={setQuery}
                placeholder={labels.placeholder}
                aria-label={labels.placeholder}
                className="h-12 w-full bg-transparent text-base outline-none placeholder:text-slate-500"
              />
              {search.status === 'loading' && <Loader2 aria-hidden className="size-4 shrink-0 animate-spin text-slate-500" />}
            </div>
            <Command.List className="max-h-[60vh] overflow-y-auto p-1">
              {searching && search.status === 'loading' && cases.length === 0 && clients.length === 0 && (
                <Command.Loading>
                  <p className="px-3 py-4 text-sm text-slate-600">{labels.loading}</p>
                </Command.Loading>
              )}
              {searching && search.status === 'failed' && (
                <p role="alert" className="px-3 py-4 text-sm text-red-700">
                  {labels.failed}
                </p>
              )}
              {(search.status === 'done' || !searching) && <Command.Empty className="px-3 py-4 text-sm text-slate-600">{q.length === 1 ? labels.typeMore : labels.noResults}</Command.Empty>}
              {(['create', 'go'] as const).map((group) => {
                const items = shown.filter((action) => action.group === group);
                if (items.length === 0) return null;
                return (
                  <Command.Group key={group} heading={group === 'go' ? labels.goGroup : labels.createGroup} className={groupClass}>
                    {items.map((action) => (
                      <Command.Item key={action.id} value={action.id} onSelect={() => go(action.href)} className={itemClass}>
                        {group === 'create' ? action.id === 'new-client' ? <UserPlus aria-hidden /> : <FilePlus aria-hidden /> : <span aria-hidden className="size-4" />}
                        <span className="flex-1">{action.label}</span>
                        {action.keys && (
                          <span className="flex gap-1 text-xs text-slate-600">
                            {action.keys.map((key) => (
                              <kbd key={key} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono">
                                {key}
                              </kbd>
                            ))}
                          </span>
                        )}
                      </Command.Item>
                    ))}
                  </Command.Group>
                );
              })}
              {cases.length > 0 && (
                <Command.Group heading={labels.casesGroup} className={groupClass}>
                  {cases.map((kase) => (
                    <Command.Item key={kase.id} value={`case-${kase.id}`} onSelect={() => go(`/cases/${kase.id}`)} className={itemClass}>
                      <Briefcase aria-hidden />
                      <span className="min-w-0 flex-1">
                        <span className="font-medium">{kase.reference}</span> <span className="text-slate-600">{kase.clientName}</span>
                        {(kase.dvzFileNumber || kase.rvvRollNumber) && (
                          <span className="block truncate text-xs text-slate-600">
                            {[kase.dvzFileNumber && `${labels.dvz} ${kase.dvzFileNumber}`, kase.rvvRollNumber && `${labels.rvv} ${kase.rvvRollNumber}`].filter(Boolean).join(' · ')}
                          </span>
                        )}
                      </span>
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
              {clients.length > 0 && (
                <Command.Group heading={labels.clientsGroup} className={groupClass}>
                  {clients.map((client) => (
                    <Command.Item key={client.id} value={`client-${client.id}`} onSelect={() => go(`/clients/${client.id}`)} className={itemClass}>
                      <User aria-hidden />
                      <span className="min-w-0 flex-1 truncate">
                        <span className="font-medium">{client.name}</span> <span className="text-slate-600">{client.fileNumber}</span>
                      </span>
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
            </Command.List>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
