'use client';

import { Command } from 'cmdk';
import { Check, ChevronsUpDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { cn } from '@/lib/cn';
import { Popover, PopoverContent, PopoverTrigger } from './popover';

export type ComboboxOption = { value: string; label: string; /** shown small beside the label and searched too (a file number, a code) */ hint?: string };

/**
 * A searchable choice among many (a client, an advisor, a country), in place of a long native select. The choice
 * travels in a hidden input named `name`, so server actions read `name=value` as from a select; a form reset puts
 * the default back. Keyboard-first: Enter or Space opens it, typing filters, arrows move, Enter picks, Escape
 * closes and focus returns to the trigger (Radix).
 */
export function Combobox({ id, name, options, defaultValue = '', defaultOption, value: controlled, onValueChange, onSearchChange, searching = false, placeholder, allowEmpty = false, emptyLabel, invalid, describedBy, className, disabled }: {
  id: string;
  name: string;
  options: ComboboxOption[];
  defaultValue?: string;
  value?: string;
  onValueChange?: (value: string) => void;
  /** the chosen option when it may not be among `options` (a client found by an earlier search) */
  defaultOption?: ComboboxOption;
  /**
   * Searching elsewhere (the server, for a firm's thousands of clients): the caller is told what is typed and
   * passes the matches as `options`, which are then shown as given rather than filtered here.
   */
  onSearchChange?: (query: string) => void;
  searching?: boolean;
  /** the trigger's text while nothing is chosen */
  placeholder?: string;
  /** offer a "none" entry that clears the choice (an optional field) */
  allowEmpty?: boolean;
  emptyLabel?: string;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
  disabled?: boolean;
}) {
  const t = useTranslations('ui.combobox');
  const [open, setOpen] = useState(false);
  const [own, setOwn] = useState(defaultValue);
  const [query, setQuery] = useState('');
  // Remembered so the trigger keeps the name after a later search replaced the options.
  const [picked, setPicked] = useState<ComboboxOption | undefined>(defaultOption);
  const value = controlled ?? own;
  const hidden = useRef<HTMLInputElement>(null);
  const listId = useId();
  const choose = (next: string) => {
    setOwn(next);
    setPicked(options.find((option) => option.value === next));
    onValueChange?.(next);
    setOpen(false);
  };
  useEffect(() => {
    const form = hidden.current?.form;
    if (!form) return;
    const reset = () => {
      setOwn(defaultValue);
      setPicked(defaultOption);
    };
    form.addEventListener('reset', reset);
    return () => form.removeEventListener('reset', reset);
  }, [defaultValue, defaultOption]);
  const selected = options.find((option) => option.value === value) ?? (picked?.value === value && value ? picked : undefined);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <input ref={hidden} type="hidden" name={name} value={value} />
      <PopoverTrigger asChild>
        <button
          id={id}
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          disabled={disabled}
          className={cn(
            'flex h-10 w-full items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 text-left text-slate-900 shadow-sm aria-invalid:border-red-600 disabled:opacity-60',
            className,
          )}
        >
          <span className={cn('truncate', selected ? '' : 'text-slate-600')}>
            {selected ? selected.label : (placeholder ?? t('choose'))}
            {selected?.hint ? <span className="ml-2 text-xs text-slate-600">{selected.hint}</span> : null}
          </span>
          <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
        </button>
      </PopoverTrigger>
      <PopoverContent aria-label={t('search')} className="w-[var(--radix-popover-trigger-width)] min-w-64 p-0">
        <Command label={t('search')} loop shouldFilter={!onSearchChange}>
          <Command.Input
            placeholder={t('search')}
            value={query}
            onValueChange={(next) => {
              setQuery(next);
              onSearchChange?.(next);
            }}
            className="h-10 w-full border-b border-slate-200 px-3 text-sm outline-none"
          />
          <Command.List id={listId} label={t('results')} className="max-h-64 overflow-y-auto p-1">
            {searching ? <Command.Loading><p className="px-3 py-2 text-sm text-slate-600">{t('searching')}</p></Command.Loading> : null}
            {searching ? null : <Command.Empty className="px-3 py-2 text-sm text-slate-600">{t('nothing')}</Command.Empty>}
            {allowEmpty ? (
              <Command.Item value="__none__" keywords={[emptyLabel ?? t('none')]} onSelect={() => choose('')} className={itemClasses}>
                <Check aria-hidden="true" className={cn('size-4', value === '' ? 'opacity-100' : 'opacity-0')} />
                {emptyLabel ?? t('none')}
              </Command.Item>
            ) : null}
            {options.map((option) => (
              <Command.Item key={option.value} value={option.value} keywords={[option.label, option.hint ?? '']} onSelect={() => choose(option.value)} className={itemClasses}>
                <Check aria-hidden="true" className={cn('size-4 shrink-0', value === option.value ? 'opacity-100' : 'opacity-0')} />
                <span className="truncate">{option.label}</span>
                {option.hint ? <span className="ml-auto text-xs text-slate-600">{option.hint}</span> : null}
              </Command.Item>
            ))}
          </Command.List>
        </Command>
      </PopoverContent>
    </Popover>
  );
}

const itemClasses = 'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-900';
