import { z } from 'zod';

const checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean());

export const ZLinkFamilyMember = z.object({
  clientId: z.string().min(1),
  relatedClientId: z.string().min(1),
  relation: z.enum(['SPOUSE', 'PARTNER', 'CHILD', 'PARENT', 'SPONSOR', 'OTHER'], { error: 'relation' }),
  // Off unless the advisor ticks it: a relative's name in a portal is itself personal data.
  visibleInPortal: checkbox.default(false),
});

export const ZFamilyLinkVisibility = z.object({ linkId: z.string().min(1), visibleInPortal: checkbox });

export const ZFamilyLinkId = z.object({ linkId: z.string().min(1) });
