// A strict reader of iCalendar text (RFC 5545 §3.1): CRLF line endings, lines folded at 75 octets, content lines
// `NAME;PARAM=VALUE:value`, BEGIN/END components properly nested. Used by the calendar tests instead of trusting
// the generator: a feed Outlook or Google rejects must fail here first.

export type IcalProperty = { name: string; params: Record<string, string>; value: string };
export type IcalComponent = { name: string; properties: IcalProperty[]; components: IcalComponent[] };

const MAX_OCTETS = 75;

function splitContentLine(line: string, lineNumber: number): IcalProperty {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) throw new Error(`line ${lineNumber}: no "name:value" in ${JSON.stringify(line)}`);
  const [name = '', ...rawParams] = line.slice(0, colon).split(';');
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`line ${lineNumber}: bad property name ${JSON.stringify(name)}`);
  const params: Record<string, string> = {};
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq <= 0) throw new Error(`line ${lineNumber}: bad parameter ${JSON.stringify(param)}`);
    params[param.slice(0, eq).toUpperCase()] = param.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

/** Parses a whole iCalendar stream into its one top-level component, or throws naming the first problem. */
export function parseIcal(text: string): IcalComponent {
  if (!text.endsWith('\r\n')) throw new Error('the stream must end with CRLF');
  if (/[^\r]\n/.test(text) || /\r[^\n]/.test(text)) throw new Error('every line must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  physical.forEach((line, index) => {
    if (Buffer.byteLength(line, 'utf8') > MAX_OCTETS) throw new Error(`line ${index + 1} is longer than ${MAX_OCTETS} octets`);
  });
  const logical: { line: string; number: number }[] = [];
  physical.forEach((line, index) => {
    const last = logical.at(-1);
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) last.line += line.slice(1);
    else logical.push({ line, number: index + 1 });
  });

  const stack: IcalComponent[] = [];
  let root: IcalComponent | null = null;
  for (const { line, number } of logical) {
    const property = splitContentLine(line, number);
    if (property.name === 'BEGIN') {
      const component: IcalComponent = { name: property.value.toUpperCase(), properties: [], components: [] };
      if (root && stack.length === 0) throw new Error(`line ${number}: a second top-level component`);
      stack.at(-1)?.components.push(component);
      if (!root) root = component;
      stack.push(component);
    } else if (property.name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== property.value.toUpperCase()) throw new Error(`line ${number}: END:${property.value} does not close ${open?.name ?? 'anything'}`);
    } else {
      const current = stack.at(-1);
      if (!current) throw new Error(`line ${number}: property outside any component`);
      current.properties.push(property);
    }
  }
  if (stack.length) throw new Error(`${stack.at(-1)?.name} is never closed`);
  if (!root) throw new Error('no component');
  return root;
}

/** The one property of that name (throws when absent or repeated). */
export function prop(component: IcalComponent, name: string): IcalProperty {
  const found = component.properties.filter((p) => p.name === name);
  if (found.length !== 1) throw new Error(`${component.name} has ${found.length} ${name} properties`);
  return found[0]!;
}

/** A TEXT value with its escapes (\\n, \\, \\; \\\\) undone. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}
