import type { Tx } from '@/lib/db';
import { env } from '@/lib/env';

export type ClientRecipient = { email: string; locale: 'en' | 'nl' | 'fr'; clientName: string; firmName: string; advisorName: string; advisorId: string | null; portalUrl: string };

/**
 * Who hears about a case from the portal: its client, when they have an email address and portal access
 * (every message points them there). Scoped by firm in the query; null means "tell nobody".
 */
export async function clientRecipient(tx: Tx, firmId: string, caseId: string): Promise<ClientRecipient | null> {
  const kase = await tx.case.findFirst({
    where: { id: caseId, firmId, deletedAt: null },
    select: {
      assignedTo: { select: { id: true, name: true, email: true } },
      firm: { select: { name: true } },
      client: { select: { firstName: true, email: true, language: true, portalUserId: true, deletedAt: true } },
    },
  });
  const client = kase?.client;
  if (!kase || !client?.email || !client.portalUserId || client.deletedAt) return null;
  return {
    email: client.email,
    locale: client.language,
    clientName: client.firstName,
    firmName: kase.firm.name,
    advisorName: kase.assignedTo?.name ?? kase.firm.name,
    advisorId: kase.assignedTo?.id ?? null,
    portalUrl: new URL('/portal', env().APP_URL).toString(),
  };
}
