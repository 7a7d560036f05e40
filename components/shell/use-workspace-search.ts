'use client';

import { useEffect, useState } from 'react';
import type { WorkspaceSearchResult } from '@/lib/server/search/search-workspace';

export type SearchState = { status: 'idle' | 'loading' | 'done' | 'failed'; result: WorkspaceSearchResult };

const EMPTY: WorkspaceSearchResult = { clients: [], cases: [] };
const DEBOUNCE_MS = 200;

type Answer = { q: string; status: 'done' | 'failed'; result: WorkspaceSearchResult };

/** Asks /api/search once typing pauses; a newer query cancels the request of an older one. */
export function useWorkspaceSearch(query: string): SearchState {
  const q = query.trim();
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(`search answered ${response.status}`);
        setAnswer({ q, status: 'done', result: (await response.json()) as WorkspaceSearchResult });
      } catch {
        if (!controller.signal.aborted) setAnswer({ q, status: 'failed', result: EMPTY });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  if (q.length < 2) return { status: 'idle', result: EMPTY };
  // Until the answer for this very query arrives, the previous one stays on screen (no flicker while typing).
  if (answer?.q !== q) return { status: 'loading', result: answer?.result ?? EMPTY };
  return answer;
}
