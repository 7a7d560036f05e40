import { redirect } from 'next/navigation';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import type { StaffActor } from './actor';
import { requireStaff } from './current-actor';

/** Staff who must still set up two-factor (the firm requires it) can reach only the security page. */
export async function requireWorkingStaff(): Promise<StaffActor> {
  const actor = await requireStaff();
  const { mustEnrollSecondFactor } = await getFirmContext({ actor });
  if (mustEnrollSecondFactor) redirect('/account/security?required=1');
  return actor;
}
