import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { PNG } from './support/files';
import { signInStaff } from './support/sign-in';
import { openFromHeader } from './support/shell';
import { toast } from './support/toast';

test.use({ locale: 'en-US' });

test('an admin gives the firm a logo for its emails: a wrong file is refused, the image shows, then it is removed', async ({ page }) => {
  await signInStaff(page, 'admin@lemaire.example');
  await openFromHeader(page, 'Firm');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firm');
  const section = page.getByRole('region', { name: 'Logo in emails' });
  await expect(section).toContainText('No logo yet');

  // A text file named like an image is judged by its bytes.
  await section.getByLabel('Choose an image').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  await section.getByRole('button', { name: 'Upload the logo' }).click();
  await expect(section.getByRole('alert')).toHaveText('Use a PNG, JPEG or GIF image: every mail client shows those.');

  await section.getByLabel('Choose an image').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await section.getByRole('button', { name: 'Upload the logo' }).click();
  await expect(toast(page, 'The logo is saved.')).toBeVisible();
  const logo = section.getByRole('img', { name: /^Logo of / });
  await expect(logo).toBeVisible();
  // Served by the public address the emails use, as an image the browser could decode.
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  expect(await logo.getAttribute('src')).toMatch(/^\/api\/firm-logos\/[^/]+\/[0-9a-f-]{36}-png$/);
  await expectNoSeriousA11yViolations(page);

  await section.getByRole('button', { name: 'Remove the logo' }).click();
  await expect(section).toContainText('No logo yet');
  await expect(section.getByRole('img')).toHaveCount(0);
});
