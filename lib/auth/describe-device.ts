import Bowser from 'bowser';

export type Device = { browser: string | null; os: string | null; platform: 'desktop' | 'mobile' | 'tablet' | 'tv' | null };

/**
 * What a person recognises a session by ("Firefox on Windows, desktop"), read from the User-Agent it signed in
 * with. The header is the client's own word: shown as text and never trusted for anything else.
 */
export function describeDevice(userAgent: string | null): Device {
  if (!userAgent) return { browser: null, os: null, platform: null };
  const parsed = Bowser.parse(userAgent);
  const platform = parsed.platform.type;
  return {
    browser: parsed.browser.name ? [parsed.browser.name, parsed.browser.version?.split('.')[0]].filter(Boolean).join(' ') : null,
    os: parsed.os.name ? [parsed.os.name, parsed.os.versionName].filter(Boolean).join(' ') : null,
    platform: platform === 'desktop' || platform === 'mobile' || platform === 'tablet' || platform === 'tv' ? platform : null,
  };
}
