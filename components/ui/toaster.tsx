'use client';

import { useSyncExternalStore } from 'react';
import { Toaster as Sonner } from 'sonner';

// Sonner's phone layout spans the bottom of the screen, right over a form's full-width submit button; on a narrow
// screen toasts come from the top instead, where the header is.
const PHONE = '(max-width: 639px)';
const subscribe = (change: () => void) => {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', change);
  return () => query.removeEventListener('change', change);
};
const onPhone = () => window.matchMedia(PHONE).matches;

/**
 * Where the results of actions appear ("Note added", "Could not save"). Mounted once per root layout; sonner's
 * region is a labelled live region, so a toast is read out without moving focus.
 */
export function Toaster({ label, closeLabel }: { label: string; closeLabel: string }) {
  const phone = useSyncExternalStore(subscribe, onPhone, () => false);
  return <Sonner position={phone ? 'top-center' : 'bottom-right'} theme="light" closeButton containerAriaLabel={label} toastOptions={{ duration: 6000, closeButtonAriaLabel: closeLabel, classNames: { toast: 'font-sans text-sm', success: '[&_[data-icon]]:text-emerald-700', error: '[&_[data-icon]]:text-red-700' } }} />;
}
