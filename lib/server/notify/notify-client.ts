import type { Tx } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/enqueue-email';
import { ruleLabel, type RuleLabelKey } from '@/lib/rules/labels';
import { phaseOf } from '@/lib/rules/stages';
import type { CaseStage, DocumentKind, Procedure } from '@/lib/rules/vocabulary';
import { clientRecipient } from './client-recipient';

// The emails a client gets when something changes on their side of a case. Each is queued in the change's own
// transaction (sent if and only if the change commits) under a key made from the timeline event it reports,
// so a retried request never sends it twice.

type Item = { label: string | null; ruleKey: string | null; documentKind: DocumentKind };

const itemName = (locale: 'en' | 'nl' | 'fr', item: Item) =>
  item.label ?? (item.ruleKey ? ruleLabel(locale, `requirement.${item.ruleKey}` as RuleLabelKey) : ruleLabel(locale, `documentKind.${item.documentKind}`));

export async function notifyDocumentsRequested(tx: Tx, { firmId, caseId, eventId, items }: { firmId: string; caseId: string; eventId: string; items: Item[] }) {
  const to = await clientRecipient(tx, firmId, caseId);
  if (!to || items.length === 0) return;
  const documents = items.map((item) => itemName(to.locale, item));
  await enqueueEmail(tx, {
    key: `document-requested:${eventId}`, firmId, template: 'document-requested', locale: to.locale, to: to.email, responsibleUserId: to.advisorId ?? undefined,
    props: { firmName: to.firmName, clientName: to.clientName, advisorName: to.advisorName, documents, count: documents.length, portalUrl: to.portalUrl },
  });
}

export async function notifyDocumentRejected(tx: Tx, { firmId, caseId, eventId, item, reason }: { firmId: string; caseId: string; eventId: string; item: Item; reason: string }) {
  const to = await clientRecipient(tx, firmId, caseId);
  if (!to) return;
  await enqueueEmail(tx, {
    key: `document-rejected:${eventId}`, firmId, template: 'document-rejected', locale: to.locale, to: to.email, responsibleUserId: to.advisorId ?? undefined,
    props: { firmName: to.firmName, clientName: to.clientName, advisorName: to.advisorName, documentName: itemName(to.locale, item), reason, portalUrl: to.portalUrl },
  });
}

export async function notifyStatusChange(tx: Tx, { firmId, caseId, eventId, stage, procedure, reference }: { firmId: string; caseId: string; eventId: string; stage: CaseStage; procedure: Procedure; reference: string }) {
  const to = await clientRecipient(tx, firmId, caseId);
  if (!to) return;
  const phase = phaseOf(stage);
  await enqueueEmail(tx, {
    key: `status-change:${eventId}`, firmId, template: 'status-change', locale: to.locale, to: to.email, responsibleUserId: to.advisorId ?? undefined,
    props: {
      firmName: to.firmName, clientName: to.clientName, procedureLabel: ruleLabel(to.locale, `procedure.${procedure}`), stageLabel: ruleLabel(to.locale, `stage.${stage}`),
      ...(phase ? { phaseLabel: ruleLabel(to.locale, `phase.${phase}`) } : {}), caseReference: reference, advisorName: to.advisorName, portalUrl: to.portalUrl,
    },
  });
}
