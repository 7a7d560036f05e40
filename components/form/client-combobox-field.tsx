'use client';

import { useState, type ReactNode } from 'react';
import { Combobox, type ComboboxOption } from '@/components/ui/combobox';
import { useWorkspaceSearch } from '@/components/shell/use-workspace-search';

/**
 * A labelled client choice. A firm has thousands of clients, so typing asks the workspace search (names and file
 * numbers, the palette's /api/search); before two letters are typed the first clients the page passed are offered.
 */
export function ClientComboboxField({ id, label, name, initialOptions, hint, error, placeholder }: {
  id: string;
  label: ReactNode;
  name: string;
  initialOptions: ComboboxOption[];
  hint?: ReactNode;
  error?: string | null;
  placeholder?: string;
}) {
  const [query, setQuery] = useState('');
  const search = useWorkspaceSearch(query);
  const options =
    search.status === 'idle' ? initialOptions : search.result.clients.map((client) => ({ value: client.id, label: client.name, hint: client.fileNumber }));
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <Combobox
        id={id}
        name={name}
        options={options}
        onSearchChange={setQuery}
        searching={search.status === 'loading' && options.length === 0}
        placeholder={placeholder}
        invalid={Boolean(error)}
        describedBy={described}
      />
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
