// J-Box shows the files in name order and the registry reads the names, so the petition, the contested
// decision and the inventory come first and each annex carries its number from the inventory.

export type PacketLanguage = 'nl' | 'fr';
export type PacketExtension = '.pdf' | '.odt';

/** Extensions as `path.extname` returns them; anything but .pdf / .odt is a programming error. */
export type PacketFileNamesInput = {
  petitionExt: string;
  decisionExt: string;
  annexes: { title: string; ext: string }[];
};

export type PacketFileNames = {
  petition: string;
  decision: string;
  /** always a PDF: we generate it */
  inventory: string;
  /** in the order given; annex i is "stuk i+1" / "pièce i+1" */
  annexes: string[];
  /** every name in filing order */
  ordered: string[];
};

const WORDS = {
  nl: { petition: 'verzoekschrift', decision: 'bestreden_beslissing', inventory: 'inventaris', annex: 'stuk' },
  fr: { petition: 'requete', decision: 'decision_attaquee', inventory: 'inventaire', annex: 'piece' },
} as const;

const SLUG_MAX = 40;

/** ASCII, lowercase, [a-z0-9_], so the name survives every upload client and file system unchanged. */
export function annexSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+/, '')
    .slice(0, SLUG_MAX)
    .replace(/_+$/, '');
}

function extension(ext: string): PacketExtension {
  const lower = ext.toLowerCase();
  if (lower === '.pdf' || lower === '.odt') return lower;
  throw new Error(`J-Box packets hold only .pdf and .odt files, not "${ext}"`);
}

export function packetFileNames(language: PacketLanguage, input: PacketFileNamesInput): PacketFileNames {
  const words = WORDS[language];
  // Zero-padded so name order is filing order, widened only for packets beyond 99 files.
  const width = Math.max(2, String(input.annexes.length + 3).length);
  const prefix = (position: number) => String(position).padStart(width, '0');
  const petition = `${prefix(1)}_${words.petition}${extension(input.petitionExt)}`;
  const decision = `${prefix(2)}_${words.decision}${extension(input.decisionExt)}`;
  const inventory = `${prefix(3)}_${words.inventory}.pdf`;
  const annexes = input.annexes.map((annex, index) => {
    const slug = annexSlug(annex.title);
    return `${prefix(index + 4)}_${words.annex}_${index + 1}${slug ? `_${slug}` : ''}${extension(annex.ext)}`;
  });
  return { petition, decision, inventory, annexes, ordered: [petition, decision, inventory, ...annexes] };
}
