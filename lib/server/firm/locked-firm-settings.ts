import type { Tx } from '@/lib/db';

/**
 * The firm's settings JSON, locked for the caller's change (SELECT ... FOR UPDATE): each area (reminders,
 * petition templates) rewrites its own key, and two admins saving at once must not drop each other's.
 */
export async function lockedFirmSettings(tx: Tx, firmId: string): Promise<Record<string, unknown>> {
  const [row] = await tx.$queryRaw<{ settings: Record<string, unknown> | null }[]>`SELECT "settings" FROM "Firm" WHERE "id" = ${firmId} FOR UPDATE`;
  return row?.settings ?? {};
}
