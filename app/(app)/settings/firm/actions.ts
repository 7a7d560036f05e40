'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import { AppError, type ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { removeFirmLogo } from '@/lib/server/firm/remove-firm-logo';
import { removePetitionTemplate } from '@/lib/server/firm/remove-petition-template';
import { setFirmLogo } from '@/lib/server/firm/set-firm-logo';
import { setPetitionTemplate } from '@/lib/server/firm/set-petition-template';
import { setPublicPage } from '@/lib/server/firm/set-public-page';
import { setRetentionPeriod } from '@/lib/server/firm/set-retention-period';
import { setBillingDetails } from '@/lib/server/billing/set-billing-details';
import { requestContext } from '@/lib/server/request-context';

type State = ActionResult<unknown> | null;

export async function uploadLogoAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => {
    const file = form.get('logo');
    if (!(file instanceof File)) throw new AppError('VALIDATION', { message: 'no file', userMessage: 'firmSettings.logo.empty' });
    return setFirmLogo({ actor, file: { bytes: new Uint8Array(await file.arrayBuffer()) }, context: await requestContext() });
  });
  if (result.ok) revalidatePath('/settings/firm');
  return result;
}

export async function removeLogoAction(): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => removeFirmLogo({ actor, context: await requestContext() }));
  if (result.ok) revalidatePath('/settings/firm');
  return result;
}

export async function uploadPetitionTemplateAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => {
    const file = form.get('template');
    if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION', { message: 'no file', userMessage: 'appeals.template.size' });
    return setPetitionTemplate({ actor, input: { locale: form.get('locale') }, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, context: await requestContext() });
  });
  if (result.ok) revalidatePath('/settings/firm');
  return result;
}

export async function removePetitionTemplateAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => removePetitionTemplate({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/settings/firm');
  return result;
}

export async function setRetentionAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => setRetentionPeriod({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/settings/firm');
  return result;
}

export async function publicPageAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () =>
    setPublicPage({ actor, input: { enabled: form.get('enabled') === 'on' ? 'true' : 'false', en: form.get('en') ?? '', nl: form.get('nl') ?? '', fr: form.get('fr') ?? '', de: form.get('de') ?? '' }, context: await requestContext() }),
  );
  if (result.ok) revalidatePath('/settings/firm');
  return result;
}

export async function setBillingDetailsAction(_prev: State, form: FormData): Promise<State> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => setBillingDetails({ actor, input: Object.fromEntries(form), context: await requestContext() }));
  if (result.ok) revalidatePath('/settings/firm');
  return result;
}
