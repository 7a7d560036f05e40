import type { z } from 'zod';
import BookingConfirmationEmail, { ZBookingConfirmationEmailProps } from '@/emails/booking-confirmation';
import BookingReminderEmail, { ZBookingReminderEmailProps } from '@/emails/booking-reminder';
import BookingWithdrawnEmail, { ZBookingWithdrawnEmailProps } from '@/emails/booking-withdrawn';
import ClientMessageEmail, { ZClientMessageEmailProps } from '@/emails/client-message';
import ClientReminderEmail, { ZClientReminderEmailProps } from '@/emails/client-reminder';
import DailyDigestEmail, { ZDailyDigestEmailProps } from '@/emails/daily-digest';
import DeadlineReminderEmail, { ZDeadlineReminderEmailProps } from '@/emails/deadline-reminder';
import DocumentRejectedEmail, { ZDocumentRejectedEmailProps } from '@/emails/document-rejected';
import DocumentRequestedEmail, { ZDocumentRequestedEmailProps } from '@/emails/document-requested';
import InvitationEmail, { ZInvitationEmailProps } from '@/emails/invitation';
import MagicLinkEmail, { ZMagicLinkEmailProps } from '@/emails/magic-link';
import PortalInvitationEmail, { ZPortalInvitationEmailProps } from '@/emails/portal-invitation';
import ConsultationNoticeEmail, { ZConsultationNoticeEmailProps } from '@/emails/consultation-notice';
import StatusChangeEmail, { ZStatusChangeEmailProps } from '@/emails/status-change';
import TaskReminderEmail, { ZTaskReminderEmailProps } from '@/emails/task-reminder';

// Every email the app can send: its react-email component, the schema of its props (checked before
// anything is queued) and the catalogue key of its subject, which gets the same props as ICU values.
// `catalogue: 'booking'` marks the emails to people who are not yet clients: their words (subject included) come
// from the public `booking` catalogue, which also speaks German; the others use `emails` (en, nl, fr).
export const EMAIL_TEMPLATES = {
  invitation: { component: InvitationEmail, props: ZInvitationEmailProps, subjectKey: 'invitation.subject' },
  'magic-link': { component: MagicLinkEmail, props: ZMagicLinkEmailProps, subjectKey: 'magicLink.subject' },
  'portal-invitation': { component: PortalInvitationEmail, props: ZPortalInvitationEmailProps, subjectKey: 'portalInvitation.subject' },
  'deadline-reminder': { component: DeadlineReminderEmail, props: ZDeadlineReminderEmailProps, subjectKey: 'deadlineReminder.subject' },
  'task-reminder': { component: TaskReminderEmail, props: ZTaskReminderEmailProps, subjectKey: 'taskReminder.subject' },
  'daily-digest': { component: DailyDigestEmail, props: ZDailyDigestEmailProps, subjectKey: 'dailyDigest.subject' },
  'client-reminder': { component: ClientReminderEmail, props: ZClientReminderEmailProps, subjectKey: 'clientReminder.subject' },
  'status-change': { component: StatusChangeEmail, props: ZStatusChangeEmailProps, subjectKey: 'statusChange.subject' },
  'document-requested': { component: DocumentRequestedEmail, props: ZDocumentRequestedEmailProps, subjectKey: 'documentRequested.subject' },
  'client-message': { component: ClientMessageEmail, props: ZClientMessageEmailProps, subjectKey: 'clientMessage.subject' },
  'document-rejected': { component: DocumentRejectedEmail, props: ZDocumentRejectedEmailProps, subjectKey: 'documentRejected.subject' },
  'consultation-notice': { component: ConsultationNoticeEmail, props: ZConsultationNoticeEmailProps, subjectKey: 'consultationNotice.subject' },
  'booking-confirmation': { component: BookingConfirmationEmail, props: ZBookingConfirmationEmailProps, subjectKey: 'email.confirmation.subject', catalogue: 'booking' },
  'booking-reminder': { component: BookingReminderEmail, props: ZBookingReminderEmailProps, subjectKey: 'email.reminder.subject', catalogue: 'booking' },
  'booking-withdrawn': { component: BookingWithdrawnEmail, props: ZBookingWithdrawnEmailProps, subjectKey: 'email.withdrawn.subject', catalogue: 'booking' },
} as const;

export type TemplateName = keyof typeof EMAIL_TEMPLATES;
export type TemplateProps<N extends TemplateName> = z.infer<(typeof EMAIL_TEMPLATES)[N]['props']>;

export const TEMPLATE_NAMES = Object.keys(EMAIL_TEMPLATES) as [TemplateName, ...TemplateName[]];

/** Whether a template speaks the public languages (en, nl, fr, de) rather than the app's three. */
export function isPublicTemplate(name: TemplateName): boolean {
  return 'catalogue' in EMAIL_TEMPLATES[name] && EMAIL_TEMPLATES[name].catalogue === 'booking';
}
