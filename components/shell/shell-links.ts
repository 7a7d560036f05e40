// The header's links in three groups: the daily pages always in view, the firm's management pages under "More",
// and the person's own settings in their account menu. Built on the server from the permission table.

export type ShellLink = { href: string; label: string };
export type ShellLinks = {
  primary: ShellLink[];
  more: ShellLink[];
  account: ShellLink[];
};

/** A link is the current page on its own path and below it (a case is under Cases), never on a sibling's prefix. */
export function isCurrentPath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
