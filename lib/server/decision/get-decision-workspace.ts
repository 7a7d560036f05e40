import type { StaffActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { fromDbDate } from '@/lib/dates';
import { getDb } from '@/lib/db';
import type { DecisionProposal } from '@/lib/rules/decision-letter/read-decision-letter';
import { RVV_ADDRESSES, URGENT_REGIMES } from '@/lib/rules/rvv-addresses';
import type { PacketManifest } from '@/lib/server/appeal/packet-manifest';
import { notificationRecorder } from '@/lib/server/deadline/notification-recorder';

/**
 * What the case page's decision and appeal panels show: the letters read and waiting for confirmation, the
 * appeal deadline and its second check, and the J-Box filing being prepared or filed. All in the actor's firm.
 */
export async function getDecisionWorkspace({ actor, caseId }: { actor: StaffActor; caseId: string }) {
  assertCan(actor, 'case.read');
  const db = getDb();
  const kase = await db.case.findFirst({ where: { id: caseId, firmId: actor.firmId, deletedAt: null }, select: { id: true, clientId: true, stage: true, appealRegime: true, client: { select: { language: true } }, firm: { select: { requireDeadlineConfirmation: true } } } });
  if (!kase) return null;
  const [intakes, appealDeadline, filings, documents, recorder] = await Promise.all([
    db.decisionIntake.findMany({ where: { firmId: actor.firmId, caseId, status: 'PROPOSED' }, orderBy: { createdAt: 'desc' }, take: 3, select: { id: true, readMethod: true, text: true, proposal: true, createdAt: true, documentId: true, versionId: true } }),
    db.deadline.findFirst({ where: { firmId: actor.firmId, caseId, kind: 'APPEAL', status: { in: ['OPEN', 'DONE'] } }, orderBy: { dueOn: 'desc' }, select: { id: true, dueOn: true, status: true, confirmedAt: true, confirmedBy: { select: { name: true, email: true } } } }),
    db.appealFiling.findMany({ where: { firmId: actor.firmId, caseId }, orderBy: { createdAt: 'desc' }, take: 5 }),
    // The client's documents feed only the filing form, shown at the refused stage; other stages skip the query.
    kase.stage === 'REFUSED'
      ? db.document.findMany({ where: { firmId: actor.firmId, clientId: kase.clientId, deletedAt: null, versions: { some: {} } }, orderBy: [{ createdAt: 'desc' }], take: 200, select: { id: true, title: true, kind: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { fileName: true, mimeType: true } } } })
      : Promise.resolve([]),
    notificationRecorder(db, actor.firmId, caseId),
  ]);
  const current = filings.find((filing) => !filing.submittedAt) ?? null;
  const submitted = filings.find((filing) => filing.submittedAt) ?? null;
  const language: 'nl' | 'fr' = current?.language === 'fr' || (!current && kase.client.language === 'fr') ? 'fr' : 'nl';
  return {
    stage: kase.stage,
    intakes: intakes.map((intake) => ({ ...intake, proposal: intake.proposal as unknown as DecisionProposal })),
    appealDeadline: appealDeadline && {
      id: appealDeadline.id, dueOn: fromDbDate(appealDeadline.dueOn), status: appealDeadline.status, confirmedAt: appealDeadline.confirmedAt,
      confirmedBy: appealDeadline.confirmedBy ? (appealDeadline.confirmedBy.name ?? appealDeadline.confirmedBy.email) : null,
      required: kase.firm.requireDeadlineConfirmation,
      // The one who recorded the notification is not the second pair of eyes.
      actorMayConfirm: recorder !== actor.userId,
    },
    filing: current && { ...current, manifest: current.manifest as unknown as PacketManifest | null },
    submitted,
    language,
    urgentAddress: kase.appealRegime && URGENT_REGIMES.has(kase.appealRegime) ? RVV_ADDRESSES[language] : null,
    documents: documents.map((document) => ({ id: document.id, title: document.title, kind: document.kind, fileName: document.versions[0]?.fileName ?? '', mimeType: document.versions[0]?.mimeType ?? '' })),
  };
}

export type DecisionWorkspace = NonNullable<Awaited<ReturnType<typeof getDecisionWorkspace>>>;
