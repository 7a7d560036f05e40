import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// CHROMIUM_PATH, then Debian's chromium, then Playwright's own browser. Where none is there,
// try Playwright's installer (works with internet) and otherwise say exactly what to run.
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  if (playwrightChromiumInstalled()) return undefined;
  try {
    console.log('No Chromium found; running `npx playwright install chromium`…');
    execSync('npx playwright install chromium', { stdio: 'inherit' });
    return undefined;
  } catch {
    throw new Error(
      'No Chromium for the end-to-end tests. Install one of: `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
        '`npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
}

function playwrightChromiumInstalled(): boolean {
  try {
    const path = execSync(`node -e "console.log(require('playwright-core').chromium.executablePath())"`, { encoding: 'utf8' }).trim();
    return existsSync(path);
  } catch {
    return false;
  }
}
