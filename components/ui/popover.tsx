'use client';

import { Popover as Primitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

export const Popover = Primitive.Root;
export const PopoverTrigger = Primitive.Trigger;
export const PopoverAnchor = Primitive.Anchor;

/** A floating panel tied to its trigger (a combobox's list); it stays inside the viewport on a 360 px phone. */
export function PopoverContent({ className, align = 'start', sideOffset = 4, ...props }: ComponentProps<typeof Primitive.Content>) {
  return (
    <Primitive.Portal>
      <Primitive.Content
        align={align}
        sideOffset={sideOffset}
        collisionPadding={8}
        className={cn('z-50 rounded-md border border-slate-200 bg-white p-1 text-slate-900 shadow-lg focus:outline-none', className)}
        {...props}
      />
    </Primitive.Portal>
  );
}
