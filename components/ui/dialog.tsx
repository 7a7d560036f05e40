'use client';

import { X } from 'lucide-react';
import { Dialog as Primitive } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/cn';

export const Dialog = Primitive.Root;
export const DialogTrigger = Primitive.Trigger;
export const DialogClose = Primitive.Close;

export const overlayClasses = 'fixed inset-0 z-40 bg-slate-900/50';
export const panelClasses =
  'fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 text-slate-900 shadow-xl focus:outline-none';

/**
 * A modal panel for a step that needs the reader's whole attention (a stage move, a rejection reason). Radix
 * traps focus inside, returns it to the trigger on close, and closes on Escape; the close button is labelled in
 * the reader's language by the caller.
 */
export function DialogContent({ className, children, closeLabel, ...props }: ComponentProps<typeof Primitive.Content> & { closeLabel: string }) {
  return (
    <Primitive.Portal>
      <Primitive.Overlay className={overlayClasses} />
      <Primitive.Content className={cn(panelClasses, className)} {...props}>
        {children}
        <Primitive.Close className="absolute top-3 right-3 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900">
          <X aria-hidden="true" className="size-4" />
          <span className="sr-only">{closeLabel}</span>
        </Primitive.Close>
      </Primitive.Content>
    </Primitive.Portal>
  );
}

export function DialogHeader({ title, description }: { title: ReactNode; description?: ReactNode }) {
  return (
    <div className="mb-4 space-y-1 pr-8">
      <Primitive.Title className="text-lg font-semibold">{title}</Primitive.Title>
      {description ? <Primitive.Description className="text-sm text-slate-600">{description}</Primitive.Description> : null}
    </div>
  );
}

export function DialogFooter({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)} {...props} />;
}
