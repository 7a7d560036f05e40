import { env } from '@/lib/env';

// base64url tokens never contain a dot, so the ".ics" some calendar apps like to see can be stripped safely.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

export function calendarFeedUrl(token: string): string {
  return new URL(`/api/calendar/${encodeURIComponent(token)}.ics`, env().APP_URL).toString();
}

/** The token from the last path segment, or null when it cannot be one of ours (no database lookup then). */
export function tokenFromPathSegment(segment: string): string | null {
  const token = segment.endsWith('.ics') ? segment.slice(0, -4) : segment;
  return TOKEN_PATTERN.test(token) ? token : null;
}
