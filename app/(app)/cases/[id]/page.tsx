import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { can } from '@/lib/auth/permissions';
import { brusselsDate } from '@/lib/dates';
import { isAppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/config';
import { ruleLabel } from '@/lib/rules/labels';
import { phaseOf } from '@/lib/rules/stages';
import { REASON_CODES } from '@/lib/rules/transitions';
import { CASE_STAGES, CARD_TYPES } from '@/lib/rules/vocabulary';
import { getCase } from '@/lib/server/case/get-case';
import { getDecisionWorkspace } from '@/lib/server/decision/get-decision-workspace';
import { listCaseTasks } from '@/lib/server/task/list-case-tasks';
import { listTaskAssignees } from '@/lib/server/task/list-task-assignees';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { TaskPanel } from '@/components/tasks/task-panel';
import { AppealPanel } from './appeal-panel';
import { deleteNoteAction } from './case-actions';
import { CaseTimeline } from './case-timeline';
import { DecisionPanel } from './decision-panel';
import { DeadlinesTable } from './deadlines-table';
import { DocumentsPanel } from './documents-panel';
import { FactsForm, type FactsFormValues } from './facts-form';
import { NoteForm } from './note-form';
import { LegalAidSection } from './legal-aid-section';
import { OtherPartiesSection } from './other-parties-section';
import { TimeAndFeesSection } from './time-and-fees-section';
import { TransitionForms } from './transition-forms';
import { transitionViews } from './transition-views';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('caseView');
  return { title: t('fields._') };
}

/** A note's opening words, to say which one a delete button removes. */
const excerpt = (body: string) => (body.length > 60 ? `${body.slice(0, 57).trimEnd()}…` : body);

function Section({ title, children, className = '' }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={`space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireWorkingStaff();
  const { id } = await params;
  const kase = await getCase({ actor, caseId: id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const t = await getTranslations('caseView');
  const tp = await getTranslations('portalCase.advisorView');
  const locale = (await getLocale()) as AppLocale;
  const today = brusselsDate();
  const [tasks, assignees, workspace] = await Promise.all([listCaseTasks({ actor, input: { caseId: kase.id } }), listTaskAssignees({ actor }), getDecisionWorkspace({ actor, caseId: kase.id })]);
  // The appeal panel from the refusal on, and for as long as a filing is on record.
  const appealStage = kase.stage === 'REFUSED' || kase.stage === 'APPEAL_FILED' || Boolean(workspace?.submitted);
  const facts = kase.facts as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const values: FactsFormValues = {
    stay: text(facts.stay), arrivedOn: text(facts.arrivedOn), legalResidenceSince: text(facts.legalResidenceSince), movedOn: text(facts.movedOn),
    sponsor: text(facts.sponsor), targetCard: kase.targetCard ?? undefined, assignedToId: kase.assignedToId ?? undefined,
    dvzFileNumber: kase.dvzFileNumber ?? undefined, communeReference: kase.communeReference ?? undefined,
  };
  const phase = phaseOf(kase.stage);
  const mayMove = can(actor.role, 'case.transition');
  const mayDeleteNotes = can(actor.role, 'note.delete');
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">
          <Link href={`/clients/${kase.client.id}`} className="text-brand-700 hover:underline">{kase.client.lastName}, {kase.client.firstName}</Link> · {kase.client.fileNumber}
        </p>
        <h1 className="text-2xl font-semibold">{kase.reference} · {ruleLabel(locale, `procedure.${kase.procedure}`)}</h1>
        <p>
          <span className="font-medium">{t('stage')}:</span> <span data-testid="case-stage">{ruleLabel(locale, `stage.${kase.stage}`)}</span>
          {phase ? <span className="text-slate-600"> · {ruleLabel(locale, `phase.${phase}`)}</span> : null}
          {kase.assignedTo ? <span className="text-slate-600"> · {t('assignedTo')}: {kase.assignedTo.name ?? kase.assignedTo.email}</span> : null}
          {kase.rvvRollNumber ? <span className="text-slate-600"> · {t('rvvRollNumber')}: {kase.rvvRollNumber}</span> : null}
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Section title={t('deadlines')}>
            <DeadlinesTable deadlines={kase.deadlines} today={today} locale={locale} />
          </Section>
          {mayMove ? (
            <Section title={t('moves')}>
              <TransitionForms
                caseId={kase.id}
                version={kase.version}
                transitions={transitionViews(kase.transitions, locale)}
                today={today}
                reasons={Object.fromEntries(REASON_CODES.map((code) => [code, ruleLabel(locale, `reason.${code}`)]))}
                stageLabels={Object.fromEntries(CASE_STAGES.map((stage) => [stage, ruleLabel(locale, `stage.${stage}`)]))}
              />
            </Section>
          ) : null}
          {workspace ? <DecisionPanel actor={actor} caseId={kase.id} version={kase.version} workspace={workspace} locale={locale} /> : null}
          {workspace && appealStage ? <AppealPanel actor={actor} caseId={kase.id} version={kase.version} workspace={workspace} locale={locale} /> : null}
          <DocumentsPanel actor={actor} caseId={kase.id} locale={locale} />
          <Section title={t('facts')}>
            <FactsForm
              caseId={kase.id}
              version={kase.version}
              values={values}
              cards={CARD_TYPES.map((c) => ({ value: c, label: ruleLabel(locale, `card.${c}`) }))}
              members={kase.members.map((m) => ({ value: m.id, label: m.name ?? m.email }))}
            />
          </Section>
        </div>
        <div className="space-y-6 lg:col-span-2">
          <OtherPartiesSection actor={actor} caseId={kase.id} />
          <LegalAidSection actor={actor} caseId={kase.id} locale={locale} />
          {can(actor.role, 'time.enter') ? <TimeAndFeesSection actor={actor} caseId={kase.id} /> : null}
          <TaskPanel caseId={kase.id} tasks={tasks} members={assignees} today={today} mayDelete={can(actor.role, 'task.delete')} />
          <Section title={t('notes')}>
            <NoteForm caseId={kase.id} />
            <ul className="space-y-2 text-sm">
              {kase.notes.map((note) => (
                <li key={note.id} data-testid={note.fromClient ? 'note-from-client' : undefined} className={`rounded-md p-3 ${note.fromClient ? 'border border-sky-200 bg-sky-50' : 'bg-slate-50'}`}>
                  {note.fromClient ? <p className="mb-1 text-xs font-semibold text-sky-900">{tp('fromClient')}</p> : null}
                  <p className="whitespace-pre-wrap">{note.body}</p>
                  <p className="mt-1 text-xs text-slate-600">{note.author?.name ?? ''} · {note.visibility === 'CLIENT' ? t('clientVisible') : t('internalOnly')}</p>
                  {mayDeleteNotes ? <ConfirmDeleteForm action={deleteNoteAction} fields={{ caseId: kase.id, noteId: note.id }} name={excerpt(note.body)} /> : null}
                </li>
              ))}
            </ul>
          </Section>
          <Section title={t('timeline')}>
            <CaseTimeline events={kase.events} locale={locale} />
          </Section>
        </div>
      </div>
    </div>
  );
}
