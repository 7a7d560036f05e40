import { DEMO_FIRMS, DEMO_PASSWORD } from './demo-people';
import { scriptClient } from './client';
import { seedDemo } from './demo';

/** Seeds the demo firms when the database has no firm at all: the first `npm run dev` only. */
export async function seedIfEmpty(url: string): Promise<boolean> {
  const db = scriptClient(url);
  try {
    if ((await db.firm.count()) > 0) return false;
    await seedDemo(db);
    return true;
  } finally {
    await db.$disconnect();
  }
}

export async function printDemoLogins(url: string, say: (line: string) => void): Promise<void> {
  const db = scriptClient(url);
  try {
    const present = await db.firm.findMany({ where: { slug: { in: DEMO_FIRMS.map((f) => f.slug) } }, select: { slug: true } });
    if (!present.length) return;
    say(`demo logins (password: ${DEMO_PASSWORD})`);
    for (const firm of DEMO_FIRMS.filter((f) => present.some((p) => p.slug === f.slug))) {
      say(`  ${firm.name}`);
      for (const person of firm.staff) say(`    ${person.role.padEnd(9)} ${person.email}`);
      const client = await db.client.findFirst({ where: { firm: { slug: firm.slug }, portalUserId: { not: null } }, select: { email: true } });
      if (client?.email) say(`    CLIENT    ${client.email} (portal: sign in by emailed link, read it at /dev/mailbox)`);
    }
  } finally {
    await db.$disconnect();
  }
}
