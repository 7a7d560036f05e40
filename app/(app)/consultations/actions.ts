'use server';

import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { publishSlot } from '@/lib/server/consultation/publish-slot';
import { withdrawSlot } from '@/lib/server/consultation/withdraw-slot';
import { requestContext } from '@/lib/server/request-context';

// Server actions of the consultations page. The firm is the signed-in member's; the slot id is re-checked
// against it by the operation.

/** The form asks for euros ("29", "29,50"); the operation stores cents. Anything else stays unparseable. */
function cents(value: FormDataEntryValue | null): string {
  const text = typeof value === 'string' ? value.trim().replace(',', '.') : '';
  return /^\d{1,6}(\.\d{1,2})?$/.test(text) ? String(Math.round(Number(text) * 100)) : 'invalid';
}

export async function publishSlotAction(_prev: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const actor = await requireWorkingStaff();
  const input = { ...Object.fromEntries(form), priceCents: cents(form.get('price')) };
  const result = await toActionResult(async () => publishSlot({ actor, input, context: await requestContext() }));
  if (result.ok) revalidatePath('/consultations');
  return result;
}

export async function withdrawSlotAction(_prev: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => withdrawSlot({ actor, input: { slotId: form.get('slotId') }, context: await requestContext() }));
  if (result.ok) revalidatePath('/consultations');
  return result;
}
