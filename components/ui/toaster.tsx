'use client';

import { Toaster as Sonner } from 'sonner';

/**
 * Where the results of actions appear ("Note added", "Could not save"). Mounted once per root layout; sonner's
 * region is a labelled live region, so a toast is read out without moving focus.
 */
export function Toaster({ label, closeLabel }: { label: string; closeLabel: string }) {
  return <Sonner position="bottom-right" theme="light" closeButton containerAriaLabel={label} toastOptions={{ duration: 6000, closeButtonAriaLabel: closeLabel, classNames: { toast: 'font-sans text-sm', success: '[&_[data-icon]]:text-emerald-700', error: '[&_[data-icon]]:text-red-700' } }} />;
}
