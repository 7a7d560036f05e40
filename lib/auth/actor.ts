import type { Role } from '@/lib/generated/prisma/enums';

// Who is acting. Every lib/server operation receives one and scopes its queries by actor.firmId.
export type StaffActor = { kind: 'staff'; userId: string; firmId: string; role: Role; sessionId?: string };
export type ClientActor = { kind: 'client'; userId: string; firmId: string; clientId: string; sessionId?: string };
export type Actor = StaffActor | ClientActor;
