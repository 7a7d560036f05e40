'use client';

import { RouteError } from '@/components/states/route-error';

export default function WorkspaceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError digest={error.digest} retry={reset} home={{ href: '/dashboard', label: 'home' }} />;
}
