'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { cancelBooking } from '@/lib/server/consultation/cancel-booking';
import { rescheduleBooking } from '@/lib/server/consultation/reschedule-booking';
import { requestContext } from '@/lib/server/request-context';

// The manage link's actions, for anyone holding the link: the token in the form is the only credential. Refusals
// carry keys of the public `booking` catalogue, which the page shows in the booking's language.

export type BookingActionState = ActionResult<unknown> | null;

export async function cancelBookingAction(_prev: BookingActionState, form: FormData): Promise<BookingActionState> {
  // No refresh: the page would turn into "this link is not valid" under the person's confirmation.
  return toActionResult(async () => cancelBooking({ input: { token: form.get('token') }, context: await requestContext() }));
}

export async function rescheduleBookingAction(_prev: BookingActionState, form: FormData): Promise<BookingActionState> {
  const result = await toActionResult(async () => rescheduleBooking({ input: { token: form.get('token'), slotId: form.get('slotId') ?? '' }, context: await requestContext() }));
  if (result.ok) revalidatePath('/booking/[token]', 'page');
  return result;
}
