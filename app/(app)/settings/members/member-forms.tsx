'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/form/field';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionResult } from '@/lib/errors';
import { changeRoleAction, deactivateAction, endMemberSessionsAction, inviteAction, secondFactorPolicyAction, deadlineConfirmationAction } from './actions';

type State = ActionResult<unknown> | null;
const ROLES = ['ADMIN', 'ADVISOR', 'ASSISTANT'] as const;

function useMessage(state: State) {
  const t = useTranslations('members');
  const te = useTranslations('errors');
  if (!state || state.ok) return null;
  return state.userMessage.startsWith('members.') ? t(state.userMessage.slice(8)) : te(state.code);
}

export function InviteForm() {
  const t = useTranslations('members');
  const tr = useTranslations('roles');
  const [state, action] = useActionState<State, FormData>(inviteAction, null);
  const message = useMessage(state);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" noValidate>
      <div className="sm:col-span-3">
        {message ? <FormMessage tone="error">{message}</FormMessage> : null}
        {state?.ok ? <FormMessage tone="success">{t('invited')}</FormMessage> : null}
      </div>
      <Field label={t('email')} name="email" type="email" required error={state && !state.ok && state.fieldErrors?.email ? t('emailInvalid') : null} />
      <div className="space-y-1">
        <label htmlFor="invite-role" className="block text-sm font-medium">
          {t('role')}
        </label>
        <select id="invite-role" name="role" defaultValue="ADVISOR" className="rounded-md border border-slate-300 px-3 py-2">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tr(role)}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton>{t('invite')}</SubmitButton>
    </form>
  );
}

export function RoleForm({ membershipId, role, name }: { membershipId: string; role: string; name: string }) {
  const t = useTranslations('members');
  const tr = useTranslations('roles');
  const [state, action] = useActionState<State, FormData>(changeRoleAction, null);
  const message = useMessage(state);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="sr-only" htmlFor={`role-${membershipId}`}>
        {t('roleOf', { name })}
      </label>
      <select id={`role-${membershipId}`} name="role" defaultValue={role} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {tr(r)}
          </option>
        ))}
      </select>
      <SubmitButton className="px-2! py-1! text-sm">{t('save')}</SubmitButton>
      {message ? <span role="alert" className="text-sm text-red-700">{message}</span> : null}
    </form>
  );
}

export function DeactivateForm({ membershipId, name }: { membershipId: string; name: string }) {
  const t = useTranslations('members');
  const [state, action] = useActionState<State, FormData>(deactivateAction, null);
  const message = useMessage(state);
  return (
    <form action={action} onSubmit={(event) => { if (!window.confirm(t('confirmDeactivate', { name }))) event.preventDefault(); }}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" className="rounded-md border border-red-300 px-2 py-1 text-sm text-red-800 hover:bg-red-50">
        {t('deactivate')}
        <span className="sr-only"> {name}</span>
      </button>
      {message ? <span role="alert" className="ml-2 text-sm text-red-700">{message}</span> : null}
    </form>
  );
}

/** An admin signs a member out on every device, in this firm; the result says how many sessions ended. */
export function EndSessionsForm({ membershipId, name }: { membershipId: string; name: string }) {
  const t = useTranslations('members');
  const [state, action] = useActionState<State, FormData>(endMemberSessionsAction, null);
  const message = useMessage(state);
  const ended = state?.ok ? (state.data as { ended: number }).ended : null;
  return (
    <form action={action}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50" aria-label={t('endSessionsOf', { name })}>
        {t('endSessions')}
      </button>
      {ended !== null ? <span role="status" className="ml-2 text-sm text-slate-700">{t('sessionsEnded', { count: ended })}</span> : null}
      {message ? <span role="alert" className="ml-2 text-sm text-red-700">{message}</span> : null}
    </form>
  );
}

/** The firm's second-factor policy: a choice of three, saved as one. */
export function SecondFactorPolicyForm({ policy }: { policy: 'NONE' | 'SECOND_FACTOR' | 'PASSKEY' }) {
  const t = useTranslations('members');
  const [state, action] = useActionState<State, FormData>(secondFactorPolicyAction, null);
  return (
    <form action={action} className="space-y-2">
      <fieldset className="space-y-1">
        <legend className="sr-only">{t('twoFactorHeading')}</legend>
        {(['NONE', 'SECOND_FACTOR', 'PASSKEY'] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="radio" name="policy" value={value} defaultChecked={policy === value} />
            {t(`policy.${value}`)}
          </label>
        ))}
      </fieldset>
      <SubmitButton className="text-sm">{t('policySave')}</SubmitButton>
      {state?.ok ? <span role="status" className="ml-2 text-sm text-emerald-800">{t('policySaved')}</span> : null}
      {state && !state.ok ? <span role="alert" className="ml-2 text-sm text-red-700">{state.message ?? t('policyInvalid')}</span> : null}
    </form>
  );
}

/** Four eyes on appeal deadlines: the toggle reads as what it will do. */
export function DeadlineConfirmationForm({ required }: { required: boolean }) {
  const t = useTranslations('members');
  const [, action] = useActionState<State, FormData>(deadlineConfirmationAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="required" value={required ? 'false' : 'true'} />
      <p className="text-sm text-slate-700">{required ? t('fourEyesOn') : t('fourEyesOff')}</p>
      <SubmitButton className="text-sm">{required ? t('fourEyesDisable') : t('fourEyesEnable')}</SubmitButton>
    </form>
  );
}
