'use server';

import { requestContext } from '@/lib/server/request-context';
import { revalidatePath } from 'next/cache';
import { requireWorkingStaff } from '@/lib/auth/require-working-staff';
import type { ActionResult } from '@/lib/errors';
import { toActionResult } from '@/lib/server/action-result';
import { createCalendarFeed } from '@/lib/server/calendar/create-calendar-feed';
import { revokeCalendarFeed } from '@/lib/server/calendar/revoke-calendar-feed';

export type FeedState = ActionResult<{ url: string } | { revoked: boolean }> | null;

/** Creates or regenerates the feed; the URL goes back to this one response and is never stored in clear. */
export async function createFeedAction(_prev: FeedState): Promise<FeedState> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => createCalendarFeed({ actor, context: await requestContext() }));
  if (result.ok) revalidatePath('/account/calendar');
  return result;
}

export async function revokeFeedAction(_prev: FeedState): Promise<FeedState> {
  const actor = await requireWorkingStaff();
  const result = await toActionResult(async () => revokeCalendarFeed({ actor, context: await requestContext() }));
  if (result.ok) revalidatePath('/account/calendar');
  return result;
}
