import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type StoredMapping } from '@/lib/server/import/import-fields';
import { readCard, readDate, readLanguage, readNationality, readProcedure, readStay } from '@/lib/server/import/import-values';
import { parseImportFile } from '@/lib/server/import/parse-import-file';
import { prepareImportRow } from '@/lib/server/import/prepare-import-row';
import { suggestMapping } from '@/lib/server/import/suggest-mapping';

const utf8 = (text: string) => new TextEncoder().encode(text);

function fileError(run: () => unknown): { userMessage: string; details?: { params?: Record<string, number> } } {
  try {
    run();
  } catch (error) {
    return error as { userMessage: string; details?: { params?: Record<string, number> } };
  }
  throw new Error('expected the file to be refused');
}

describe('reading the uploaded file', () => {
  it('detects the semicolon of Belgian Excel, even with commas inside the values', () => {
    const file = parseImportFile(utf8('Voornaam;Naam;Adres\nAmina;El Idrissi;Rue de la Loi 16, Bruxelles\nJan;Peeters;"Kerkstraat 1; bus 2"\n'));
    expect(file.delimiter).toBe(';');
    expect(file.headers).toEqual(['Voornaam', 'Naam', 'Adres']);
    expect(file.rows).toEqual([
      ['Amina', 'El Idrissi', 'Rue de la Loi 16, Bruxelles'],
      ['Jan', 'Peeters', 'Kerkstraat 1; bus 2'],
    ]);
  });

  it('detects commas and tabs, trims cells and skips blank lines', () => {
    expect(parseImportFile(utf8('First name,Last name\r\n Amina , El Idrissi \r\n\r\n,\r\nJan,Peeters\r\n'))).toMatchObject({
      delimiter: ',',
      rows: [
        ['Amina', 'El Idrissi'],
        ['Jan', 'Peeters'],
      ],
    });
    expect(parseImportFile(utf8('Prénom\tNom\nAmina\tEl Idrissi\n'))).toMatchObject({ delimiter: '\t', rows: [['Amina', 'El Idrissi']] });
  });

  it('reads UTF-8 with and without a byte order mark', () => {
    const text = 'Prénom;Nom\nRené;Müller\n';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    for (const bytes of [utf8(text), withBom]) {
      const file = parseImportFile(bytes);
      expect(file.encoding).toBe('utf-8');
      expect(file.headers[0]).toBe('Prénom');
      expect(file.rows[0]).toEqual(['René', 'Müller']);
    }
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "Prénom;Nom;Bedrag\nRené;Müller;€ 10\n" as Excel saves it on a Belgian Windows machine.
    const bytes = new Uint8Array([...Buffer.from('Prénom;Nom;Bedrag\nRené;Müller;', 'latin1'), 0x80, ...Buffer.from(' 10\n', 'latin1')]);
    const file = parseImportFile(bytes);
    expect(file.encoding).toBe('windows-1252');
    expect(file.headers).toEqual(['Prénom', 'Nom', 'Bedrag']);
    expect(file.rows[0]).toEqual(['René', 'Müller', '€ 10']);
  });

  it('refuses files that are too large, empty, without rows, too long or broken, with a reason the screen can show', () => {
    expect(fileError(() => parseImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1))).userMessage).toBe('importer.file.tooLarge');
    expect(fileError(() => parseImportFile(utf8(' \n\n'))).userMessage).toBe('importer.file.empty');
    expect(fileError(() => parseImportFile(utf8('Voornaam;Naam\n'))).userMessage).toBe('importer.file.noRows');
    const tooLong = fileError(() => parseImportFile(utf8(`Voornaam;Naam\n${'a;b\n'.repeat(MAX_IMPORT_ROWS + 1)}`)));
    expect(tooLong).toMatchObject({ userMessage: 'importer.file.tooManyRows', details: { params: { max: MAX_IMPORT_ROWS, rows: MAX_IMPORT_ROWS + 1 } } });
    const broken = fileError(() => parseImportFile(utf8('Voornaam;Naam\nAmina;El Idrissi\nJan;"Peeters\n')));
    expect(broken).toMatchObject({ userMessage: 'importer.file.malformed', details: { params: { row: 3 } } });
  });

  it('accepts exactly the maximum number of rows', () => {
    expect(parseImportFile(utf8(`Voornaam;Naam\n${'a;b\n'.repeat(MAX_IMPORT_ROWS)}`)).rows).toHaveLength(MAX_IMPORT_ROWS);
  });
});

describe('reading the values', () => {
  it.each([
    ['1990-03-12', '1990-03-12'],
    ['12/03/1990', '1990-03-12'],
    ['12-03-1990', '1990-03-12'],
    ['12.03.1990', '1990-03-12'],
    ['1/3/1990', '1990-03-01'],
    ['2024-2-9', '2024-02-09'],
    ['March 12, 1990', 'March 12, 1990'],
    ['12/03/90', '12/03/90'],
  ])('date %s reads as %s', (cell, expected) => {
    expect(readDate(cell)).toBe(expected);
  });

  it.each([
    ['MA', 'MA'],
    ['ma', 'MA'],
    ['Marokko', 'MA'],
    ['Maroc', 'MA'],
    ['Morocco', 'MA'],
    ['marocaine', 'MA'],
    ['Marokkaanse', 'MA'],
    ['België', 'BE'],
    ['Belgique', 'BE'],
    ['Turkije', 'TR'],
    ['Türkiye', 'TR'],
    ['RDC', 'CD'],
    ['Congo-Kinshasa', 'CD'],
    ['États-Unis', 'US'],
    ['Atlantis', 'Atlantis'],
  ])('nationality %s reads as %s', (cell, expected) => {
    expect(readNationality(cell)).toBe(expected);
  });

  it.each([
    ['nl', 'nl'],
    ['NL', 'nl'],
    ['Nederlands', 'nl'],
    ['Néerlandais', 'nl'],
    ['Français', 'fr'],
    ['Frans', 'fr'],
    ['francais', 'fr'],
    ['English', 'en'],
    ['Engels', 'en'],
    ['Anglais', 'en'],
    ['Deutsch', 'Deutsch'],
  ])('language %s reads as %s', (cell, expected) => {
    expect(readLanguage(cell)).toBe(expected);
  });

  it.each([
    ['FAMILY_REUNIFICATION', 'FAMILY_REUNIFICATION'],
    ['family reunification', 'FAMILY_REUNIFICATION'],
    ['Gezinshereniging', 'FAMILY_REUNIFICATION'],
    ['Regroupement familial', 'FAMILY_REUNIFICATION'],
    ['Inschrijving (niet-EU-onderdaan)', 'REGISTRATION_NON_EU'],
    ['Permis unique', 'SINGLE_PERMIT'],
    ['Études', 'STUDY'],
    ['Something else', 'Something else'],
  ])('procedure %s reads as %s', (cell, expected) => {
    expect(readProcedure(cell)).toBe(expected);
  });

  it('reads cards by letter, legacy letter or label, and stays in three languages', () => {
    expect(['A', 'a-kaart', 'carte A', 'E+', 'EU+-kaart', 'oranje kaart (bijlage 4)'].map(readCard)).toEqual(['A', 'A', 'A', 'EU_PLUS', 'EU_PLUS', 'ORANGE']);
    expect(['lang', 'Long séjour', 'kort verblijf', 'short', 'court'].map(readStay)).toEqual(['LONG', 'LONG', 'SHORT', 'SHORT', 'SHORT']);
  });
});

describe('suggesting the column mapping', () => {
  it('maps Dutch headers', () => {
    expect(suggestMapping(['Dossiernummer', 'Voornaam', 'Naam', 'Geboortedatum', 'Nationaliteit', 'Taal', 'E-mail', 'Gemeente', 'Rijksregisternummer', 'Paspoort', 'Procedure', 'Aankomst', 'Adviseur'])).toEqual({
      fileNumber: 0,
      firstName: 1,
      lastName: 2,
      birthDate: 3,
      nationality: 4,
      language: 5,
      email: 6,
      commune: 7,
      nationalRegisterNumber: 8,
      passportNumber: 9,
      procedure: 10,
      arrivedOn: 11,
      assignedTo: 12,
    });
  });

  it('maps French headers, whatever their case and accents', () => {
    expect(suggestMapping(['N° dossier', 'PRÉNOM', 'Nom de famille', 'Date de naissance', 'Nationalité', 'Langue', 'Courriel', 'Commune', 'Numéro de registre national', 'Numéro de passeport', 'Procédure', "Date d'arrivée", 'Conseiller'])).toEqual({
      fileNumber: 0,
      firstName: 1,
      lastName: 2,
      birthDate: 3,
      nationality: 4,
      language: 5,
      email: 6,
      commune: 7,
      nationalRegisterNumber: 8,
      passportNumber: 9,
      procedure: 10,
      arrivedOn: 11,
      assignedTo: 12,
    });
  });

  it('maps English headers and leaves unknown columns and repeated titles alone', () => {
    expect(suggestMapping(['File number', 'First name', 'Last name', 'Date of birth', 'Nationality', 'Language', 'Email address', 'Phone', 'Notes', 'First name', 'Arrival date', 'Stay', 'Card type'])).toEqual({
      fileNumber: 0,
      firstName: 1,
      lastName: 2,
      birthDate: 3,
      nationality: 4,
      language: 5,
      email: 6,
      phone: 7,
      arrivedOn: 10,
      stay: 11,
      targetCard: 12,
    });
  });

  it('knows the other fields by their Dutch titles', () => {
    expect(Object.keys(suggestMapping(['Voornaam', 'Naam', 'Nationaliteit', 'Taal', 'Telefoon', 'Adres', 'Postcode', 'Kaart', 'Verblijf', 'Verblijf sinds']))).toEqual([
      'firstName',
      'lastName',
      'nationality',
      'language',
      'phone',
      'addressLine',
      'postalCode',
      'targetCard',
      'stay',
      'legalResidenceSince',
    ]);
  });
});

describe('checking one row', () => {
  const headers = ['Voornaam', 'Naam', 'Geboortedatum', 'Nationaliteit', 'Taal', 'Procedure', 'Aankomst', 'Verblijf', 'E-mail'];
  const mappingFor = (rows: string[][]): StoredMapping => ({
    source: { headers, rows, delimiter: ';', encoding: 'utf-8' },
    columns: suggestMapping(headers),
  });

  it('reads a good row into the client and case the forms would create', () => {
    const mapping = mappingFor([['Amina', 'El Idrissi', '12/03/1990', 'Marokko', 'Frans', 'Inschrijving (niet-EU-onderdaan)', '02-01-2026', 'lang', 'Amina@Example.com']]);
    const row = prepareImportRow(mapping.source, mapping, 0);
    expect(row.issues).toEqual([]);
    expect(row.client).toMatchObject({ firstName: 'Amina', lastName: 'El Idrissi', birthDate: '1990-03-12', nationality: 'MA', language: 'fr', email: 'amina@example.com' });
    expect(row.kase).toMatchObject({ procedure: 'REGISTRATION_NON_EU', arrivedOn: '2026-01-02', stay: 'LONG' });
  });

  it('names the row and the column of each problem, with the value', () => {
    const mapping = mappingFor([['Amina', '', '31/02/1990', 'Atlantis', 'Deutsch', 'Asiel', '', '', 'not-an-email']]);
    const row = prepareImportRow(mapping.source, mapping, 0);
    expect(row.client).toBeNull();
    expect(row.issues).toEqual(
      expect.arrayContaining([
        { row: 2, severity: 'error', code: 'required', field: 'lastName', column: 1 },
        { row: 2, severity: 'error', code: 'date', field: 'birthDate', column: 2, value: '31/02/1990' },
        { row: 2, severity: 'error', code: 'nationality', field: 'nationality', column: 3, value: 'Atlantis' },
        { row: 2, severity: 'error', code: 'language', field: 'language', column: 4, value: 'Deutsch' },
        { row: 2, severity: 'error', code: 'email', field: 'email', column: 8, value: 'not-an-email' },
        { row: 2, severity: 'error', code: 'procedure', field: 'procedure', column: 5, value: 'Asiel' },
      ]),
    );
  });

  it('takes the default language when the column is empty, and warns about case columns without a procedure', () => {
    const mapping = { ...mappingFor([['Jan', 'Peeters', '', 'BE', '', '', '2026-01-02', '', '']]), defaultLanguage: 'nl' as const };
    const row = prepareImportRow(mapping.source, mapping, 0);
    expect(row.client).toMatchObject({ language: 'nl', nationality: 'BE' });
    expect(row.kase).toBeNull();
    expect(row.issues).toEqual([{ row: 2, severity: 'warning', code: 'caseFieldsIgnored' }]);
  });

  it('refuses a two-letter code that is no country', () => {
    const mapping = mappingFor([['Jan', 'Peeters', '', 'QQ', 'nl', '', '', '', '']]);
    expect(prepareImportRow(mapping.source, mapping, 0).issues).toEqual([{ row: 2, severity: 'error', code: 'nationality', field: 'nationality', column: 3, value: 'QQ' }]);
  });
});
