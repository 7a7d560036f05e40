'use client';

import { RouteError } from '@/components/states/route-error';

export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError digest={error.digest} retry={reset} home={{ href: '/portal', label: 'portalHome' }} />;
}
