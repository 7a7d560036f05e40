import { fromDbDate } from '@/lib/dates';
import type { Tx } from '@/lib/db';
import { nameKey, nameTokens } from '@/lib/server/person-name';
import type { ConflictMatch } from './inquiry-schemas';

// The conflict check's search, inside one firm. The rule it applies:
// - an OTHER PARTY of a live case (a sponsor in a dispute, a former partner) with the same national register
//   number, the same name and birth date, or the same name alone, is a possible conflict of interest: the firm
//   may be asked to act against its own client;
// - a CLIENT of the firm with the same number, name and birth date, or name, is first of all a probable duplicate
//   (the person is already a client), and, through the client's FAMILY links, a relative of someone the firm acts
//   for (a spouse in a separation). Both are reported as such, and the outcome is POSSIBLE for any match of any
//   kind: whether a match is a conflict is the admin's judgement, not the code's.
// Names compare as nameKey does: case, accents, word order and extra spaces or hyphens do not hide a match.

export type ConflictPerson = { firstName: string; lastName: string; birthDate: Date | null; nationalRegisterNumberHash: string | null };
type Reason = ConflictMatch['reasons'][number];

// A name's candidates: the rows whose search text holds every word of it (trigram indexes), compared exactly in
// code. Read in pages to the end, never capped: a short, common name ("Li Na") can have hundreds of candidates, and
// the real namesake or the same number beyond a cap would make the check say CLEAR.
const PAGE = 500;

async function everyRow<T extends { id: string }>(page: (after: string | undefined) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let after: string | undefined; ; ) {
    const batch = await page(after);
    rows.push(...batch);
    if (batch.length < PAGE) return rows;
    after = batch.at(-1)!.id;
  }
}

function reasonsFor(person: { key: string; birthDate: string | null; hash: string | null }, row: { key: string; birthDate: Date | null; hash: string | null }): Reason[] {
  const reasons: Reason[] = [];
  if (person.hash && row.hash === person.hash) reasons.push('nrn');
  if (person.key && row.key === person.key) {
    reasons.push(person.birthDate && row.birthDate && fromDbDate(row.birthDate) === person.birthDate ? 'name_birthdate' : 'name');
  }
  return reasons;
}

const label = (p: { firstName: string; lastName: string }) => `${p.lastName}, ${p.firstName}`;
const KIND_ORDER: Record<ConflictMatch['kind'], number> = { other_party: 0, client: 1, family: 2 };

export async function findConflicts(tx: Tx, firmId: string, person: ConflictPerson): Promise<ConflictMatch[]> {
  const tokens = nameTokens(person.firstName, person.lastName);
  const wanted = { key: nameKey(person.firstName, person.lastName), birthDate: person.birthDate ? fromDbDate(person.birthDate) : null, hash: person.nationalRegisterNumberHash };
  const byName = tokens.length ? [{ AND: tokens.map((token) => ({ searchText: { contains: token } })) }] : [];
  const byNumber = wanted.hash ? [{ nationalRegisterNumberHash: wanted.hash }] : [];
  if (!byName.length && !byNumber.length) return [];

  const clients = await everyRow((after) =>
    tx.client.findMany({
      where: { firmId, deletedAt: null, OR: [...byNumber, ...byName], ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, firstName: true, lastName: true, fileNumber: true, birthDate: true, nationalRegisterNumberHash: true },
      orderBy: { id: 'asc' },
      take: PAGE,
    }),
  );
  const matchedClients = clients.flatMap((client) => {
    const reasons = reasonsFor(wanted, { key: nameKey(client.firstName, client.lastName), birthDate: client.birthDate, hash: client.nationalRegisterNumberHash });
    return reasons.length ? [{ client, reasons }] : [];
  });
  const matches: ConflictMatch[] = matchedClients.map(({ client, reasons }) => ({ kind: 'client', id: client.id, label: label(client), fileNumber: client.fileNumber, reasons }));

  if (matchedClients.length) {
    const ids = matchedClients.map(({ client }) => client.id);
    const links = await tx.familyLink.findMany({
      where: { firmId, OR: [{ clientId: { in: ids } }, { relatedClientId: { in: ids } }], client: { deletedAt: null }, related: { deletedAt: null } },
      select: { relation: true, clientId: true, client: { select: { id: true, firstName: true, lastName: true, fileNumber: true } }, related: { select: { id: true, firstName: true, lastName: true, fileNumber: true } } },
      orderBy: { id: 'asc' },
    });
    const seen = new Set<string>();
    for (const link of links) {
      // Either side of the link may be the matched client: the family member reported is the other one.
      const matchedIsHolder = ids.includes(link.clientId);
      const matched = matchedIsHolder ? link.client : link.related;
      const relative = matchedIsHolder ? link.related : link.client;
      const found = matchedClients.find(({ client }) => client.id === matched.id);
      if (!found || seen.has(`${relative.id}:${matched.id}`)) continue;
      seen.add(`${relative.id}:${matched.id}`);
      matches.push({ kind: 'family', id: relative.id, label: label(relative), fileNumber: relative.fileNumber, relation: link.relation, via: { id: matched.id, label: label(matched) }, reasons: found.reasons });
    }
  }

  const parties = await everyRow((after) =>
    tx.otherParty.findMany({
      where: { firmId, deletedAt: null, case: { firmId, deletedAt: null }, OR: [...byNumber, ...byName], ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, name: true, role: true, birthDate: true, nationalRegisterNumberHash: true, case: { select: { id: true, reference: true } } },
      orderBy: { id: 'asc' },
      take: PAGE,
    }),
  );
  for (const party of parties) {
    const reasons = reasonsFor(wanted, { key: nameKey(party.name), birthDate: party.birthDate, hash: party.nationalRegisterNumberHash });
    if (reasons.length) matches.push({ kind: 'other_party', id: party.id, label: party.name, role: party.role, caseId: party.case.id, caseReference: party.case.reference, reasons });
  }
  return matches.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

/** What makes two results the same for the conversion's "still the result on record?": who, what kind, and why. */
export const conflictSignature = (matches: readonly ConflictMatch[]) =>
  JSON.stringify(matches.map((match) => [match.kind, match.id, match.via?.id ?? '', [...match.reasons].sort()]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)));
