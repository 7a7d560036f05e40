import { expect } from 'vitest';
import { listOpenInquiries } from '@/lib/server/dashboard/list-open-inquiries';
import { walkActor, type WalkOperation } from './walk-types';

// The dashboard's inquiries panel: a row of the OPERATIONS table in permissions.test.ts. Every member reads it.
export const INQUIRY_DASHBOARD_OPERATIONS: WalkOperation[] = [
  {
    name: 'listOpenInquiries',
    file: 'lib/server/dashboard/list-open-inquiries.ts',
    action: 'inquiry.read',
    run: (w, role) => listOpenInquiries({ actor: walkActor(w, role), asOf: '2026-11-23' }),
    allowed: async (_w, _role, result) => {
      expect(result).toEqual({ unanswered: 0, urgent: [] });
    },
  },
];
