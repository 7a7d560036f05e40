'use client';

import { Columns3 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { CleanGetForm } from './clean-get-form';

/**
 * The column choice in a popover: a GET form of ticks that closes once the new view is on its way. The popover
 * mounts its form afresh on every opening, so the ticks always start from the columns the URL shows.
 */
export function ColumnsChooser({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="secondary" size="sm">
          <Columns3 aria-hidden="true" />
          {label}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-max p-3 text-sm">
        <CleanGetForm action="/cases" label={label} className="space-y-2" onDone={() => setOpen(false)}>
          {children}
        </CleanGetForm>
      </PopoverContent>
    </Popover>
  );
}
