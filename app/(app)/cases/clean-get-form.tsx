'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';

/**
 * A GET form whose URL leaves out empty fields, so a saved or shared filter reads `?stage=REFUSED` rather than
 * `?q=&stage=REFUSED&procedure=&…`. Without JavaScript it is a plain GET form and the server ignores the blanks.
 */
export function CleanGetForm({ action, label, className, children }: { action: string; label: string; className?: string; children: ReactNode }) {
  const router = useRouter();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim() !== '') params.append(key, value.trim());
    }
    const search = params.toString();
    router.push(search ? `${action}?${search}` : action);
  }
  return (
    <form method="get" action={action} aria-label={label} onSubmit={submit} className={className}>
      {children}
    </form>
  );
}
