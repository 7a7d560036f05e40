'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';

/**
 * A GET form whose URL leaves out empty fields, so a saved or shared filter reads `?stage=REFUSED,APPEAL_FILED`
 * rather than `?q=&stage=REFUSED&stage=APPEAL_FILED&procedure=&…`. Without JavaScript it is a plain GET form,
 * and the server ignores the blanks and reads repeated values too.
 */
export function CleanGetForm({ action, label, className, onDone, children }: { action: string; label: string; className?: string; onDone?: () => void; children: ReactNode }) {
  const router = useRouter();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new Map<string, string[]>();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim() !== '') values.set(key, [...(values.get(key) ?? []), value.trim()]);
    }
    // Ticked boxes (stages, columns) become one comma-separated value, the form links and the server use.
    const search = new URLSearchParams([...values].map(([key, list]) => [key, list.join(',')])).toString();
    // A form inside a popover (the column chooser) closes it once it has done its job.
    onDone?.();
    router.push(search ? `${action}?${search}` : action);
  }
  return (
    <form method="get" action={action} aria-label={label} onSubmit={submit} className={className}>
      {children}
    </form>
  );
}
