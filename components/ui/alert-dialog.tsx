'use client';

import { AlertDialog as Primitive } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { overlayClasses, panelClasses } from './dialog';

export const AlertDialog = Primitive.Root;
export const AlertDialogTrigger = Primitive.Trigger;
export const AlertDialogCancel = Primitive.Cancel;
export const AlertDialogAction = Primitive.Action;

/**
 * A question that must be answered before something irreversible (deleting, withdrawing). Unlike a dialog it
 * does not close on an outside click, and Radix puts focus on Cancel first, so Enter never deletes by accident.
 */
export function AlertDialogContent({ className, title, description, children, ...props }: Omit<ComponentProps<typeof Primitive.Content>, 'title'> & { title: ReactNode; description?: ReactNode }) {
  return (
    <Primitive.Portal>
      <Primitive.Overlay className={overlayClasses} />
      <Primitive.Content className={cn(panelClasses, 'max-w-md', className)} {...props}>
        <Primitive.Title className="text-lg font-semibold">{title}</Primitive.Title>
        {description ? <Primitive.Description className="mt-2 text-sm text-slate-700">{description}</Primitive.Description> : null}
        {children}
      </Primitive.Content>
    </Primitive.Portal>
  );
}
