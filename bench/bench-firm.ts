// The 100,000-case firm the benchmarks run on, and the real people who sign in to it: its admin, its first
// advisor, and a client of it in the portal. Seeds the firm when it is missing (about a minute).
import pg from 'pg';
import { ensureDevDatabase, type DevDatabase } from '../lib/dev/dev-database';
import { deployMigrations } from '../lib/dev/migrations';
import { DEMO_PASSWORD } from '../prisma/seed/demo-people';
import { LARGE_FIRM_SLUG, seedLarge } from '../prisma/seed/large';
import type { PageIds } from './page-floors';
import { signIn, signInWithLink } from './web-server';

export const CASES = 100_000;
const ADMIN = 'admin@bench.example';
const ADVISOR = 'advisor1@bench.example';

export type BenchFirm = { database: DevDatabase; pool: pg.Pool; ids: PageIds; adminId: string; cases: number };

/**
 * Starts the dev database, applies migrations, seeds the large firm if needed and finds the ids the pages
 * need. Sets DATABASE_URL for lib/ (read on first use), so import lib/server only after this.
 */
export async function openBenchFirm(say: (line: string) => void): Promise<BenchFirm> {
  const database = await ensureDevDatabase();
  await deployMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const firm = await pool.query('SELECT id FROM "Firm" WHERE slug = $1', [LARGE_FIRM_SLUG]);
  if (firm.rowCount === 0) {
    say(`no "${LARGE_FIRM_SLUG}" firm: seeding ${CASES.toLocaleString('en')} cases (about a minute)…`);
    await seedLarge(database.url, CASES);
  }
  const { rows: [found] } = await pool.query<{ firmId: string; adminId: string; advisorId: string; cases: number }>(
    `SELECT m."firmId", m."userId" AS "adminId",
       (SELECT u.id FROM "User" u WHERE u.email = $2) AS "advisorId",
       (SELECT count(*)::int FROM "Case" c WHERE c."firmId" = m."firmId" AND c."deletedAt" IS NULL) AS cases
     FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
    [ADMIN, ADVISOR],
  );
  if (!found?.advisorId) throw new Error(`${ADMIN} or ${ADVISOR} is missing from ${LARGE_FIRM_SLUG}`);
  // The portal client: the first client (by file number) with two or more cases and an email, so the portal
  // home shows a list; the case and client pages are theirs too.
  const { rows: [client] } = await pool.query<{ clientId: string; caseId: string }>(
    `SELECT cl.id AS "clientId", min(c.id) AS "caseId" FROM "Client" cl JOIN "Case" c ON c."clientId" = cl.id AND c."deletedAt" IS NULL
     WHERE cl."firmId" = $1 AND cl."deletedAt" IS NULL AND cl.email IS NOT NULL
     GROUP BY cl.id, cl."fileNumber" HAVING count(*) >= 2 ORDER BY cl."fileNumber" LIMIT 1`,
    [found.firmId],
  );
  if (!client) throw new Error(`no client of ${LARGE_FIRM_SLUG} has two cases`);
  const ids: PageIds = { firmId: found.firmId, advisorId: found.advisorId, caseId: client.caseId, clientId: client.clientId, portalClientId: client.clientId };
  return { database, pool, ids, adminId: found.adminId, cases: found.cases };
}

/**
 * Invites the portal client the way an advisor does (lib/server's operation, which writes the invitation to the
 * outbox) and returns the one-use token of the emailed link.
 */
async function portalLinkToken(firm: BenchFirm): Promise<string> {
  const { inviteClientToPortal } = await import('../lib/server/client/invite-client-to-portal');
  const actor = { kind: 'staff' as const, userId: firm.adminId, firmId: firm.ids.firmId, role: 'ADMIN' as const };
  await inviteClientToPortal({ actor, input: { clientId: firm.ids.portalClientId }, context: { ip: '127.0.0.1', userAgent: 'bench' } });
  const { rows: [email] } = await firm.pool.query<{ text: string }>(
    `SELECT o.text FROM "EmailOutbox" o JOIN "Client" cl ON lower(cl.email) = o."toEmail"
     WHERE cl.id = $1 AND o.template = 'portal-invitation' ORDER BY o."createdAt" DESC LIMIT 1`,
    [firm.ids.portalClientId],
  );
  const token = email?.text.match(/[?&]token=([^\s&]+)/)?.[1];
  if (!token) throw new Error('the portal invitation email has no sign-in link');
  return decodeURIComponent(token);
}

export type Who = 'admin' | 'advisor' | 'portal';

/** The Cookie header of a real signed-in session on `url` for each of the three people. */
export async function signInAll(url: string, firm: BenchFirm): Promise<Record<Who, string>> {
  return {
    admin: await signIn(url, ADMIN, DEMO_PASSWORD),
    advisor: await signIn(url, ADVISOR, DEMO_PASSWORD),
    portal: await signInWithLink(url, await portalLinkToken(firm)),
  };
}

export const auditNote = `note: this run added audit rows (sign-ins, invitation, export) to ${LARGE_FIRM_SLUG}; the append-only log keeps the seed from replacing it, so rebuild it with npm run db:reset.`;
