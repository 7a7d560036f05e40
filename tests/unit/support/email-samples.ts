import type { TemplateName, TemplateProps } from '@/lib/email/templates';

// One sample of each email template's props, and the one link each must carry (tests/unit/emails.test.ts).

export const firm = { firmName: 'Peeters & Dubois Advocaten' };

export const samples: { [N in TemplateName]: TemplateProps<N> } = {
  invitation: { ...firm, inviterName: 'Sofie Peeters', role: 'ASSISTANT', url: 'https://sejour.example/invitations/tok-inv-123', expiresInDays: 7 },
  'magic-link': { ...firm, url: 'https://sejour.example/portal/sign-in/verify?token=tok-ml-456', minutes: 20 },
  'portal-invitation': { ...firm, advisorName: 'Sofie Peeters', clientName: 'Amina Haddad', url: 'https://sejour.example/portal/sign-in/verify?token=tok-pi-789', expiresInDays: 7 },
  'deadline-reminder': {
    ...firm,
    recipientName: 'Sofie Peeters',
    clientName: 'Haddad',
    caseReference: '2026-0001-1',
    deadlineKind: 'APPEAL',
    deadlineLabel: 'Appeal',
    dueOn: '2026-12-14',
    daysLeft: 7,
    basis: 'Art. 39/57 §1 Vreemdelingenwet',
    caseUrl: 'https://sejour.example/cases/case-1?tab=deadlines&x=1',
  },
  'daily-digest': {
    ...firm,
    recipientName: 'Sofie Peeters',
    date: '2026-12-07',
    items: [
      { clientName: 'Li Wei', caseReference: '2026-0003-1', deadlineKind: 'REGISTRATION', deadlineLabel: 'Registration at the commune', dueOn: '2026-12-10', daysLeft: 3, caseUrl: 'https://sejour.example/cases/case-3' },
      { clientName: 'Amina Haddad', caseReference: '2026-0001-1', deadlineKind: 'APPEAL', deadlineLabel: 'Appeal to the RvV/CCE', dueOn: '2026-12-08', daysLeft: 1, caseUrl: 'https://sejour.example/cases/case-1' },
      { clientName: 'Jonas Meyer', caseReference: '2026-0002-1', deadlineKind: 'CARD_EXPIRY', deadlineLabel: 'Card expiry', dueOn: '2026-12-05', daysLeft: -2, caseUrl: 'https://sejour.example/cases/case-2' },
    ],
    dashboardUrl: 'https://sejour.example/dashboard',
    count: 3,
    overdueCount: 1,
  },
  'client-reminder': {
    ...firm,
    clientName: 'Amina Haddad',
    deadlineKind: 'REGISTRATION',
    deadlineLabel: 'Registration at the commune',
    dueOn: '2026-12-14',
    daysLeft: 7,
    advisorName: 'Sofie Peeters',
    portalUrl: 'https://sejour.example/portal',
  },
  'status-change': {
    ...firm,
    clientName: 'Amina Haddad',
    procedureLabel: 'Family reunification',
    stageLabel: 'Application filed',
    phaseLabel: 'Registration',
    caseReference: '2026-0001-1',
    advisorName: 'Sofie Peeters',
    portalUrl: 'https://sejour.example/portal/cases/case-1',
  },
  'document-requested': {
    ...firm,
    clientName: 'Amina Haddad',
    advisorName: 'Sofie Peeters',
    documents: ['Passport', 'Birth certificate'],
    portalUrl: 'https://sejour.example/portal/documents',
    count: 2,
  },
  'document-rejected': {
    ...firm,
    clientName: 'Amina Haddad',
    advisorName: 'Sofie Peeters',
    documentName: 'Birth certificate',
    reason: 'The certificate is not legalised. Please have it apostilled.',
    portalUrl: 'https://sejour.example/portal/documents?focus=doc-1',
  },
  'task-reminder': {
    ...firm,
    recipientName: 'Sofie Peeters',
    taskTitle: 'Call the commune about the residence check',
    clientName: 'Amina Haddad',
    caseReference: '2026-0001-1',
    dueOn: '2026-12-08',
    daysLeft: 1,
    caseUrl: 'https://sejour.example/cases/case-1?tab=tasks',
  },
  'client-message': {
    ...firm,
    advisorName: 'Sofie Peeters',
    clientName: 'Amina Haddad',
    caseReference: '2026-0001-1',
    excerpt: 'The commune gave me an appointment on 14 December. Should I bring the original?',
    caseUrl: 'https://sejour.example/cases/case-1',
  },
};

/** The one link each template must carry, in HTML and in text. */
export const linkField: { [N in TemplateName]: keyof TemplateProps<N> & string } = {
  invitation: 'url',
  'magic-link': 'url',
  'portal-invitation': 'url',
  'deadline-reminder': 'caseUrl',
  'daily-digest': 'dashboardUrl',
  'client-reminder': 'portalUrl',
  'status-change': 'portalUrl',
  'document-requested': 'portalUrl',
  'document-rejected': 'portalUrl',
  'client-message': 'caseUrl',
  'task-reminder': 'caseUrl',
};
