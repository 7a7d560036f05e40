import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-6xl px-4 py-10">
        {children}
      </main>
    </>
  );
}
