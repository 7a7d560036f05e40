'use client';

import { ChevronRight } from 'lucide-react';
import { Collapsible as Primitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

// Radix Collapsible with the app's look (shadcn style): a button with aria-expanded and aria-controls that shows
// or hides extra content in place (a done list, a table of figures), for content that is not a step of its own.

export const Collapsible = Primitive.Root;

/** The trigger is a real button with a chevron that turns when open; the label is the caller's. */
export function CollapsibleTrigger({ className, children, ...props }: ComponentProps<typeof Primitive.Trigger>) {
  return (
    <Primitive.Trigger
      className={cn(
        'group inline-flex items-center gap-1.5 rounded-md py-1 text-left text-sm font-medium text-slate-800 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600',
        className,
      )}
      {...props}
    >
      <ChevronRight aria-hidden="true" className="size-4 shrink-0 transition-transform group-data-[state=open]:rotate-90" />
      {children}
    </Primitive.Trigger>
  );
}

export function CollapsibleContent({ className, ...props }: ComponentProps<typeof Primitive.Content>) {
  return <Primitive.Content className={cn('mt-2', className)} {...props} />;
}
