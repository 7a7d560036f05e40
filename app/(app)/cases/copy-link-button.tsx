'use client';

import { useState } from 'react';

/** Copies the canonical link of the current view; a saved filter is nothing more than this URL. */
export function CopyLinkButton({ href, label, copied, failed }: { href: string; label: string; copied: string; failed: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(new URL(href, window.location.origin).toString());
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-800 hover:bg-slate-100">
        {label}
      </button>
      <span role="status" className="text-sm text-slate-700">
        {status === 'copied' ? copied : status === 'failed' ? failed : ''}
      </span>
    </span>
  );
}
