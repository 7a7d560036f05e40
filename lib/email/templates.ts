import type { z } from 'zod';
import InvitationEmail, { ZInvitationEmailProps } from '@/emails/invitation';
import MagicLinkEmail, { ZMagicLinkEmailProps } from '@/emails/magic-link';
import PortalInvitationEmail, { ZPortalInvitationEmailProps } from '@/emails/portal-invitation';

// Every email the app can send: its react-email component, the schema of its props (checked before
// anything is queued) and the catalogue key of its subject, which gets the same props as ICU values.
export const EMAIL_TEMPLATES = {
  invitation: { component: InvitationEmail, props: ZInvitationEmailProps, subjectKey: 'invitation.subject' },
  'magic-link': { component: MagicLinkEmail, props: ZMagicLinkEmailProps, subjectKey: 'magicLink.subject' },
  'portal-invitation': { component: PortalInvitationEmail, props: ZPortalInvitationEmailProps, subjectKey: 'portalInvitation.subject' },
} as const;

export type TemplateName = keyof typeof EMAIL_TEMPLATES;
export type TemplateProps<N extends TemplateName> = z.infer<(typeof EMAIL_TEMPLATES)[N]['props']>;

export const TEMPLATE_NAMES = Object.keys(EMAIL_TEMPLATES) as [TemplateName, ...TemplateName[]];
