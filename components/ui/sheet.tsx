'use client';

import { X } from 'lucide-react';
import { Dialog as Primitive } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/cn';

// A panel that slides over the page from one side, built on Radix Dialog: focus is trapped inside while it is
// open, Escape and the close button shut it, and focus returns to what opened it.

export const Sheet = Primitive.Root;
export const SheetTrigger = Primitive.Trigger;
export const SheetClose = Primitive.Close;

export function SheetContent({
  className,
  children,
  title,
  closeLabel,
  side = 'left',
  ...props
}: ComponentProps<typeof Primitive.Content> & {
  title: ReactNode;
  closeLabel: string;
  side?: 'left' | 'right';
}) {
  return (
    <Primitive.Portal>
      <Primitive.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <Primitive.Content
        aria-describedby={undefined}
        className={cn(
          'fixed inset-y-0 z-50 flex w-80 max-w-[85vw] flex-col gap-4 overflow-y-auto bg-white p-4 shadow-xl focus:outline-none',
          side === 'left' ? 'left-0 border-r border-slate-200' : 'right-0 border-l border-slate-200',
          className,
        )}
        {...props}
      >
        <div className="flex items-center justify-between gap-2">
          <Primitive.Title className="text-base font-semibold text-brand-900">{title}</Primitive.Title>
          <Primitive.Close className="inline-flex size-10 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700">
            <X aria-hidden className="size-5" />
            <span className="sr-only">{closeLabel}</span>
          </Primitive.Close>
        </div>
        {children}
      </Primitive.Content>
    </Primitive.Portal>
  );
}
