// Real Belgian communes (postal code, name as the commune writes it, language of its administration)
// and nationalities common among Belgian residence files, for a demo that looks like a real firm.

export const COMMUNES = [
  { postalCode: '1000', name: 'Brussel / Bruxelles', language: 'fr' },
  { postalCode: '1030', name: 'Schaerbeek / Schaarbeek', language: 'fr' },
  { postalCode: '1050', name: 'Ixelles / Elsene', language: 'fr' },
  { postalCode: '1060', name: 'Saint-Gilles / Sint-Gillis', language: 'fr' },
  { postalCode: '1080', name: 'Molenbeek-Saint-Jean / Sint-Jans-Molenbeek', language: 'fr' },
  { postalCode: '1210', name: 'Saint-Josse-ten-Noode / Sint-Joost-ten-Node', language: 'fr' },
  { postalCode: '1070', name: 'Anderlecht', language: 'fr' },
  { postalCode: '1190', name: 'Forest / Vorst', language: 'fr' },
  { postalCode: '2000', name: 'Antwerpen', language: 'nl' },
  { postalCode: '2140', name: 'Borgerhout', language: 'nl' },
  { postalCode: '2800', name: 'Mechelen', language: 'nl' },
  { postalCode: '3000', name: 'Leuven', language: 'nl' },
  { postalCode: '3500', name: 'Hasselt', language: 'nl' },
  { postalCode: '8000', name: 'Brugge', language: 'nl' },
  { postalCode: '9000', name: 'Gent', language: 'nl' },
  { postalCode: '9300', name: 'Aalst', language: 'nl' },
  { postalCode: '4000', name: 'Liège', language: 'fr' },
  { postalCode: '5000', name: 'Namur', language: 'fr' },
  { postalCode: '6000', name: 'Charleroi', language: 'fr' },
  { postalCode: '7000', name: 'Mons', language: 'fr' },
  { postalCode: '1348', name: 'Ottignies-Louvain-la-Neuve', language: 'fr' },
  { postalCode: '4700', name: 'Eupen', language: 'fr' },
] as const;

export const EU_NATIONALITIES = ['FR', 'NL', 'DE', 'IT', 'ES', 'PT', 'PL', 'RO', 'BG', 'GR', 'IE', 'LT'] as const;

export const NON_EU_NATIONALITIES = [
  'MA', 'TR', 'CD', 'CM', 'IN', 'CN', 'BR', 'US', 'SY', 'AF', 'UA', 'RW', 'DZ', 'TN', 'SN', 'PH', 'GB', 'NG',
] as const;
