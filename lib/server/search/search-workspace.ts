import { z } from 'zod';
import type { StaffActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { searchable } from '@/lib/server/search-text';
import { parseInput } from '@/lib/server/validate';

// The command palette's search: a few clients and cases of the caller's firm that match what was typed, by name,
// client file number, case reference, DVZ/OE file number or RvV/CCE roll number. It answers on every keystroke
// (debounced), so it reads only indexes and a handful of rows.

const ZSearch = z.object({ q: z.string().trim().min(2).max(100) });

export const SEARCH_CLIENT_LIMIT = 5;
export const SEARCH_CASE_LIMIT = 8;
const MAX_WORDS = 6;

/** A typed % or _ is a character to find, not a wildcard. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every word somewhere in searchText (its pg_trgm GIN index): "peeters 2026" finds Peeters' 2026 files. */
const wordsIn = (q: string) =>
  [...new Set(searchable(q).split(' ').filter(Boolean))].slice(0, MAX_WORDS).map((word) => ({ searchText: { contains: escapeLike(word) } }));

/**
 * Numbers are typed as they appear on a letter ("2026-00042", "9.876.543", "RvV 301 234") and matched whole. The
 * reference and DVZ number are indexed with the firm, so they are compared as typed and in capitals; a roll
 * number (no index) in any case, among the firm's cases only. Live edits do not rewrite searchText with the DVZ
 * and RvV numbers, so the columns are asked directly.
 */
function numberMatches(firmId: string, q: string): Prisma.CaseWhereInput[] {
  if (!/\d/.test(q)) return [];
  const typed = q.replace(/\s+/g, ' ');
  const variants = [...new Set([typed, typed.toUpperCase()])];
  const roll = { equals: typed, mode: 'insensitive' } as const;
  return [
    { reference: { in: variants } },
    { dvzFileNumber: { in: variants } },
    { rvvRollNumber: roll },
    { appealFilings: { some: { firmId, rollNumber: roll } } },
  ];
}

export type WorkspaceSearchResult = {
  clients: { id: string; fileNumber: string; name: string }[];
  cases: { id: string; reference: string; clientName: string; dvzFileNumber: string | null; rvvRollNumber: string | null; stage: string }[];
};

/** Clients and cases of the actor's firm matching `q` (at least two characters), live ones only, few of each. */
export async function searchWorkspace({ actor, input }: { actor: StaffActor; input: unknown }): Promise<WorkspaceSearchResult> {
  assertCan(actor, 'case.read');
  const { q } = parseInput(ZSearch, input);
  const db = getDb();
  const words = wordsIn(q);
  const [clients, cases] = await Promise.all([
    can(actor.role, 'client.read') && words.length
      ? db.client.findMany({
          where: { firmId: actor.firmId, deletedAt: null, AND: words },
          orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
          take: SEARCH_CLIENT_LIMIT,
          select: { id: true, fileNumber: true, firstName: true, lastName: true },
        })
      : [],
    db.case.findMany({
      where: { firmId: actor.firmId, deletedAt: null, client: { firmId: actor.firmId }, OR: [...(words.length ? [{ AND: words }] : []), ...numberMatches(actor.firmId, q)] },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: SEARCH_CASE_LIMIT,
      select: { id: true, reference: true, dvzFileNumber: true, rvvRollNumber: true, stage: true, client: { select: { firstName: true, lastName: true } } },
    }),
  ]);
  return {
    clients: clients.map((client) => ({ id: client.id, fileNumber: client.fileNumber, name: `${client.firstName} ${client.lastName}` })),
    cases: cases.map((kase) => ({
      id: kase.id,
      reference: kase.reference,
      clientName: `${kase.client.firstName} ${kase.client.lastName}`,
      dvzFileNumber: kase.dvzFileNumber,
      rvvRollNumber: kase.rvvRollNumber,
      stage: kase.stage,
    })),
  };
}
