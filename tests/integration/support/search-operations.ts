import { expect } from 'vitest';
import { searchWorkspace } from '@/lib/server/search/search-workspace';
import { walkActor, type WalkOperation } from './walk-types';

// The command palette's search: a row of the OPERATIONS table in permissions.test.ts, which spreads it in.

export const SEARCH_OPERATIONS: WalkOperation[] = [
  {
    name: 'searchWorkspace',
    file: 'lib/server/search/search-workspace.ts',
    action: 'case.read',
    run: (w, role) => searchWorkspace({ actor: walkActor(w, role), input: { q: w.kase.reference } }),
    allowed: async (w, _role, result) => {
      expect((result as Awaited<ReturnType<typeof searchWorkspace>>).cases.map((row) => row.id)).toEqual([w.kase.id]);
    },
  },
];
