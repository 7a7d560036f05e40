import { z } from 'zod';

// One schema per form, shared by the form (client-side validation) and the server operation.
export const ZRole = z.enum(['ADMIN', 'ADVISOR', 'ASSISTANT']);
// `locale`: the language the email goes out in; the invitee has no preference yet, so the inviter's screen language.
export const ZInviteMember = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), role: ZRole, locale: z.enum(['en', 'nl', 'fr']).optional() });
export const ZAcceptInvitation = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(2).max(120),
  password: z.string().min(12, 'password_too_short').max(200),
});
export const ZChangeRole = z.object({ membershipId: z.string().min(1), role: ZRole });
export const ZMembershipRef = z.object({ membershipId: z.string().min(1) });
