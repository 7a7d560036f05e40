import { z } from 'zod';

/** What the person calls a passkey ("Work laptop"), so they know which one to remove. */
export const ZPasskeyName = z.string().trim().min(1, 'security.passkeyNameRequired').max(60, 'security.passkeyNameTooLong');
