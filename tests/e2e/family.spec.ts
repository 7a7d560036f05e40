import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { firstLink, waitForEmail } from './support/mailbox';
import { signInStaff } from './support/sign-in';
import { chooseOption } from './support/combobox';

test.use({ locale: 'en-US' });

async function createClient(page: Page, { firstName, lastName, email }: { firstName: string; lastName: string; email?: string }) {
  await page.goto('/clients/new');
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name').fill(lastName);
  await chooseOption(page, 'Nationality', 'Morocco');
  await page.getByLabel('Language for portal and emails').selectOption('nl');
  if (email) await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${lastName}, ${firstName}`);
}

test('an advisor links a spouse to a client file, shows him in her portal, then hides him again', async ({ page: advisor, browser }) => {
  const family = `Family${Date.now()}`;
  const email = `${family.toLowerCase()}@client.example`;
  await signInStaff(advisor, 'advisor1@peeters.example');

  await createClient(advisor, { firstName: 'Karim', lastName: family });
  const karimUrl = advisor.url();
  await createClient(advisor, { firstName: 'Nadia', lastName: family, email });
  const section = advisor.getByRole('region', { name: 'Family' });
  await expect(section).toContainText('No family members linked yet.');

  // The search finds Karim (not Nadia herself); the advisor links him as her spouse, shown in her portal.
  await section.getByLabel('Find a client to link (name or file number)').fill(family);
  await section.getByRole('button', { name: 'Search' }).click();
  const candidate = section.getByRole('form', { name: `${family}, Karim` });
  await expect(section.getByRole('form')).toHaveCount(1);
  await candidate.getByLabel('Relation').selectOption('SPOUSE');
  await candidate.getByLabel("Show in Nadia's portal").check();
  await candidate.getByRole('button', { name: 'Link' }).click();
  const links = section.getByRole('list', { name: 'Family members on this file' });
  await expect(links).toContainText(`Spouse: ${family}, Karim`);
  await expect(links).toContainText("Shown in the client's portal.");
  await expectNoSeriousA11yViolations(advisor);

  // Karim's own file shows where he is linked from.
  const nadiaUrl = advisor.url().split('?')[0]!;
  await advisor.goto(karimUrl);
  await expect(advisor.getByRole('list', { name: 'Files that link to this client' })).toContainText(`Listed as Spouse on the file of ${family}, Nadia`);

  // Nadia, signed in on her phone, sees her husband in her portal, in Dutch.
  await advisor.goto(nadiaUrl);
  await advisor.getByRole('button', { name: 'Invite to the portal' }).click();
  await expect(advisor.getByText('The client received a portal link by email.')).toBeVisible();
  const clientContext = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 780 } });
  const client = await clientContext.newPage();
  const invitation = await waitForEmail(email, /uitgenodigd|portaal/i);
  await client.goto(firstLink(invitation, '/portal/sign-in/verify'));
  await client.getByRole('button', { name: 'Sign in' }).click();
  await expect(client).toHaveURL(/\/portal$/);
  const familyRegion = client.getByRole('region', { name: 'Mijn gezinsleden' });
  await expect(familyRegion).toContainText(`Karim ${family}`);
  await expect(familyRegion).toContainText('Echtgenoot of echtgenote');

  // The advisor hides him; her portal no longer names him.
  await advisor.getByRole('region', { name: 'Family' }).getByRole('button', { name: 'Hide Karim from the portal' }).click();
  await expect(advisor.getByRole('list', { name: 'Family members on this file' })).toContainText("Not shown in the client's portal.");
  await client.reload();
  await expect(client.getByRole('heading', { level: 1 })).toHaveText('Welkom, Nadia');
  await expect(client.getByRole('region', { name: 'Mijn gezinsleden' })).toHaveCount(0);
  await expect(client.getByText(`Karim ${family}`)).toHaveCount(0);
  await clientContext.close();
});
