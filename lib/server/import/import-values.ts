import { parseCardType } from '@/lib/rules/cards';
import { CARD_LABELS } from '@/lib/rules/labels-cards';
import { ruleLabel } from '@/lib/rules/labels';
import { CARD_TYPES, LOCALES, PROCEDURES, type CardType, type Procedure } from '@/lib/rules/vocabulary';
import { searchable } from '@/lib/server/search-text';

// What spreadsheets write, read as our values: dates the Belgian way, countries and languages by name in any
// of our languages, procedures by code or by their label. Each reader returns the value our schemas expect, or
// the cell unchanged when it does not recognise it, so the schema reports it as the form would.

/** Lower case, no accents, letters and digits only (and "+", which tells EU+ from EU): "N° Dossier" -> "ndossier". */
export function lookupKey(value: string): string {
  return searchable(value).replace(/[^a-z0-9+]/g, '');
}

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY or DD.MM.YYYY as YYYY-MM-DD; whether the day exists is the schema's to say. */
export function readDate(value: string): string {
  const cell = value.trim();
  const pad = (part: string) => part.padStart(2, '0');
  const iso = ISO.exec(cell);
  if (iso) return `${iso[1]}-${pad(iso[2] ?? '')}-${pad(iso[3] ?? '')}`;
  const dayFirst = DAY_FIRST.exec(cell);
  if (dayFirst) return `${dayFirst[3]}-${pad(dayFirst[2] ?? '')}-${pad(dayFirst[1] ?? '')}`;
  return cell;
}

// Region codes Intl knows that are not countries a person holds.
const NOT_NATIONALITIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);
// Withdrawn codes (Intl names them like their successors) and "UK", which people write for GB.
const CODE_ALIASES: Readonly<Record<string, string>> = {
  UK: 'GB', ZR: 'CD', BU: 'MM', TP: 'TL', SU: 'RU', DD: 'DE', FX: 'FR', YU: 'RS', CS: 'RS', DY: 'BJ', HV: 'BF', VD: 'VN', NH: 'VU', YD: 'YE', RH: 'ZW', AN: 'CW',
};

// How people write the nationalities firms see most, where the country name is not what they wrote.
const NATIONALITY_WORDS: Record<string, string[]> = {
  BE: ['Belgian', 'Belg', 'Belgisch', 'Belgische', 'belge'],
  MA: ['Moroccan', 'Marokkaans', 'Marokkaanse', 'marocain', 'marocaine'],
  TR: ['Turkish', 'Turkey', 'Turks', 'Turkse', 'turc', 'turque'],
  CD: ['Congolese', 'DR Congo', 'DRC', 'RD Congo', 'RDC', 'Democratic Republic of the Congo', 'Democratische Republiek Congo', 'République démocratique du Congo', 'Congolees', 'Congolese', 'congolais', 'congolaise'],
  DZ: ['Algerian', 'Algerijns', 'Algerijnse', 'algérien', 'algérienne'],
  TN: ['Tunisian', 'Tunesisch', 'Tunesische', 'tunisien', 'tunisienne'],
  SY: ['Syrian', 'Syrisch', 'Syrische', 'syrien', 'syrienne'],
  AF: ['Afghan', 'Afghaans', 'Afghaanse', 'afghane'],
  IN: ['Indian', 'Indiaas', 'Indiase', 'indien', 'indienne'],
  CM: ['Cameroonian', 'Kameroens', 'Kameroense', 'camerounais', 'camerounaise'],
  GN: ['Guinean', 'Guinees', 'Guinese', 'guinéen', 'guinéenne'],
  ER: ['Eritrean', 'Eritrees', 'Eritrese', 'érythréen', 'érythréenne'],
  PK: ['Pakistani', 'Pakistaans', 'Pakistaanse', 'pakistanais', 'pakistanaise'],
  BR: ['Brazilian', 'Braziliaans', 'Braziliaanse', 'brésilien', 'brésilienne'],
  CN: ['Chinese', 'Chinees', 'chinois', 'chinoise'],
  US: ['American', 'USA', 'Amerikaans', 'Amerikaanse', 'américain', 'américaine'],
  GB: ['British', 'UK', 'Brits', 'Britse', 'britannique'],
  UA: ['Ukrainian', 'Oekraïens', 'Oekraïense', 'ukrainien', 'ukrainienne'],
  RU: ['Russian', 'Russisch', 'Russische', 'russe'],
  NL: ['Dutch', 'Nederlands', 'Nederlandse', 'néerlandais', 'néerlandaise'],
  FR: ['French', 'Frans', 'Franse', 'français', 'française'],
  DE: ['German', 'Duits', 'Duitse', 'allemand', 'allemande'],
  IT: ['Italian', 'Italiaans', 'Italiaanse', 'italien', 'italienne'],
  ES: ['Spanish', 'Spaans', 'Spaanse', 'espagnol', 'espagnole'],
  PL: ['Polish', 'Pools', 'Poolse', 'polonais', 'polonaise'],
  RO: ['Romanian', 'Roemeens', 'Roemeense', 'roumain', 'roumaine'],
  PT: ['Portuguese', 'Portugees', 'Portugese', 'portugais', 'portugaise'],
};

let nationalityIndex: { byName: Map<string, string>; codes: Set<string> } | undefined;

// Built on first use: Intl names every region in every language, which takes a few milliseconds.
function nationalities(): { byName: Map<string, string>; codes: Set<string> } {
  if (nationalityIndex) return nationalityIndex;
  const index = new Map<string, string>();
  const names = LOCALES.map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      if (NOT_NATIONALITIES.has(code) || CODE_ALIASES[code]) continue;
      for (const display of names) {
        const name = display.of(code);
        if (name) index.set(lookupKey(name), code);
      }
    }
  }
  for (const [code, words] of Object.entries(NATIONALITY_WORDS)) for (const word of words) index.set(lookupKey(word), code);
  nationalityIndex = { byName: index, codes: new Set(index.values()) };
  return nationalityIndex;
}

/** True for an ISO 3166-1 alpha-2 code of a real country or territory. */
export function isKnownNationality(code: string): boolean {
  return nationalities().codes.has(code);
}

/** Every country code a person can hold, sorted (the public form's country lists). */
export function knownNationalityCodes(): string[] {
  return [...nationalities().codes].sort();
}

/** An ISO code ("ma", "MA") or a country or nationality in en, nl or fr ("Marokko", "marocaine") as the ISO code. */
export function readNationality(value: string): string {
  const cell = value.trim();
  if (/^[a-z]{2}$/i.test(cell)) return CODE_ALIASES[cell.toUpperCase()] ?? cell.toUpperCase();
  return nationalities().byName.get(lookupKey(cell)) ?? cell;
}

const LANGUAGE_WORDS: Record<'en' | 'nl' | 'fr', string[]> = {
  nl: ['nl', 'nld', 'dut', 'nederlands', 'dutch', 'néerlandais', 'vlaams', 'flemish', 'flamand', 'nederlandstalig', 'néerlandophone'],
  fr: ['fr', 'fra', 'fre', 'français', 'frans', 'french', 'franstalig', 'francophone'],
  en: ['en', 'eng', 'english', 'engels', 'anglais', 'engelstalig', 'anglophone'],
};
const LANGUAGES = new Map(Object.entries(LANGUAGE_WORDS).flatMap(([code, words]) => words.map((word) => [lookupKey(word), code] as const)));

/** nl, fr, en, or the language's name in any of the three, as nl, fr or en. */
export function readLanguage(value: string): string {
  return LANGUAGES.get(lookupKey(value)) ?? value.trim();
}

/** Keys that two entries share are dropped: an ambiguous word is better reported than guessed. */
function unambiguous<T extends string>(entries: [string, T][]): Map<string, T> {
  const index = new Map<string, T>();
  const clashes = new Set<string>();
  for (const [key, value] of entries) {
    if (!key) continue;
    const seen = index.get(key);
    if (seen !== undefined && seen !== value) clashes.add(key);
    else index.set(key, value);
  }
  for (const key of clashes) index.delete(key);
  return index;
}

const withoutParentheses = (label: string) => label.replace(/\([^)]*\)/g, ' ');

const PROCEDURE_INDEX = unambiguous<Procedure>(
  PROCEDURES.flatMap((procedure) => [
    [lookupKey(procedure), procedure] as [string, Procedure],
    ...LOCALES.flatMap((locale) => {
      const label = ruleLabel(locale, `procedure.${procedure}`);
      return [[lookupKey(label), procedure] as [string, Procedure], [lookupKey(withoutParentheses(label)), procedure] as [string, Procedure]];
    }),
  ]),
);

/** A procedure code (FAMILY_REUNIFICATION) or its label in en, nl or fr ("Gezinshereniging"). */
export function readProcedure(value: string): string {
  return PROCEDURE_INDEX.get(lookupKey(value)) ?? value.trim();
}

const CARD_INDEX = unambiguous<CardType>(
  CARD_TYPES.flatMap((card) => LOCALES.flatMap((locale) => [[lookupKey(CARD_LABELS[card][locale]), card] as [string, CardType]])),
);

/** A card type as the rules read it (A, C, E+, EU_PLUS) or its label ("A-kaart", "carte orange (annexe 4)"). */
export function readCard(value: string): string {
  return parseCardType(value) ?? CARD_INDEX.get(lookupKey(value)) ?? value.trim();
}

const STAY_WORDS: Record<'LONG' | 'SHORT', string[]> = {
  LONG: ['long', 'long stay', 'lang', 'lang verblijf', 'long séjour', 'plus de 3 mois', 'meer dan 3 maanden', 'more than 3 months'],
  SHORT: ['short', 'short stay', 'kort', 'kort verblijf', 'court', 'court séjour', 'moins de 3 mois', 'minder dan 3 maanden', 'less than 3 months'],
};
const STAYS = new Map(Object.entries(STAY_WORDS).flatMap(([stay, words]) => words.map((word) => [lookupKey(word), stay] as const)));

/** Long or short stay (more or less than three months), in any of our languages. */
export function readStay(value: string): string {
  return STAYS.get(lookupKey(value)) ?? value.trim();
}
