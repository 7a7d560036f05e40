import type { Role } from '../../lib/generated/prisma/enums';

// The demo firms and their staff. Two firms, so tenant isolation can be seen and tested on demo data.
export const DEMO_PASSWORD = 'sejour-demo-2026';

export type DemoFirm = {
  slug: string;
  name: string;
  staff: { email: string; name: string; role: Role; locale: 'en' | 'nl' | 'fr' }[];
};

export const DEMO_FIRMS: DemoFirm[] = [
  {
    slug: 'peeters-advocaten',
    name: 'Peeters & Janssens Advocaten',
    staff: [
      { email: 'admin@peeters.example', name: 'An Peeters', role: 'ADMIN', locale: 'nl' },
      { email: 'advisor1@peeters.example', name: 'Jan Janssens', role: 'ADVISOR', locale: 'nl' },
      { email: 'advisor2@peeters.example', name: 'Sarah Wouters', role: 'ADVISOR', locale: 'en' },
      { email: 'assistant@peeters.example', name: 'Tom Maes', role: 'ASSISTANT', locale: 'nl' },
    ],
  },
  {
    slug: 'cabinet-lemaire',
    name: 'Cabinet Lemaire Avocats',
    staff: [
      { email: 'admin@lemaire.example', name: 'Claire Lemaire', role: 'ADMIN', locale: 'fr' },
      { email: 'advisor1@lemaire.example', name: 'Nicolas Dubois', role: 'ADVISOR', locale: 'fr' },
      { email: 'advisor2@lemaire.example', name: 'Amina El Idrissi', role: 'ADVISOR', locale: 'fr' },
      { email: 'assistant@lemaire.example', name: 'Julie Lambert', role: 'ASSISTANT', locale: 'en' },
    ],
  },
];
