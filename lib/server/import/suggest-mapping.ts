import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from './import-fields';
import { lookupKey } from './import-values';

// Column titles firms use, in English, Dutch and French, compared without case, accents, spaces or punctuation.
// "Naam" and "Nom" alone are the family name in Belgian lists (first names have their own column).
const HEADER_NAMES: Record<ImportField, string[]> = {
  fileNumber: ['file number', 'file no', 'file', 'client number', 'dossiernummer', 'dossiernr', 'dossier', 'klantnummer', 'numéro de dossier', 'n° dossier', 'no dossier', 'n° de dossier', 'référence dossier'],
  firstName: ['first name', 'firstname', 'given name', 'given names', 'forename', 'voornaam', 'voornamen', 'prénom', 'prénoms'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'name', 'achternaam', 'familienaam', 'naam', 'nom', 'nom de famille'],
  birthDate: ['birth date', 'birthdate', 'date of birth', 'dob', 'born', 'born on', 'geboortedatum', 'geboren', 'geboren op', 'date de naissance', 'né le', 'née le', 'naissance'],
  nationality: ['nationality', 'citizenship', 'nationaliteit', 'nationalité'],
  language: ['language', 'preferred language', 'taal', 'voertaal', 'langue', 'langue de contact'],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'e-mailadres', 'emailadres', 'adresse e-mail', 'courriel'],
  phone: ['phone', 'telephone', 'phone number', 'mobile', 'tel', 'gsm', 'telefoon', 'telefoonnummer', 'téléphone', 'numéro de téléphone', 'portable'],
  addressLine: ['address', 'street', 'street and number', 'adres', 'straat', 'straat en nummer', 'adresse', 'rue', 'rue et numéro'],
  postalCode: ['postal code', 'postcode', 'zip', 'zip code', 'code postal', 'cp'],
  commune: ['commune', 'municipality', 'city', 'town', 'gemeente', 'woonplaats', 'stad', 'ville', 'localité'],
  nationalRegisterNumber: ['national register number', 'national number', 'national registry number', 'rijksregisternummer', 'rijksregister', 'rijksregisternr', 'insz', 'insz-nummer', 'numéro de registre national', 'registre national', 'numéro national', 'nrn', 'niss'],
  passportNumber: ['passport', 'passport number', 'passport no', 'paspoort', 'paspoortnummer', 'paspoortnr', 'passeport', 'numéro de passeport', 'n° passeport'],
  procedure: ['procedure', 'procedure type', 'type of procedure', 'application', 'soort procedure', 'type procedure', 'procédure', 'type de procédure'],
  targetCard: ['card', 'card type', 'target card', 'residence card', 'kaart', 'type kaart', 'verblijfskaart', 'gevraagde kaart', 'carte', 'type de carte', 'carte de séjour', 'carte demandée'],
  stay: ['stay', 'length of stay', 'type of stay', 'verblijf', 'duur verblijf', 'verblijfsduur', 'soort verblijf', 'séjour', 'durée du séjour', 'type de séjour'],
  arrivedOn: ['arrival', 'arrival date', 'date of arrival', 'arrived', 'arrived on', 'aankomst', 'aankomstdatum', 'datum aankomst', 'datum van aankomst', 'arrivée', "date d'arrivée", 'date arrivée'],
  legalResidenceSince: ['legal residence since', 'residence since', 'legal stay since', 'wettig verblijf sinds', 'verblijf sinds', 'legaal verblijf sinds', 'séjour légal depuis', 'séjour depuis', 'résidence légale depuis'],
  assignedTo: ['advisor', 'adviser', 'advisor email', 'assigned to', 'responsible', 'lawyer', 'adviseur', 'adviseur e-mail', 'behandelaar', 'verantwoordelijke', 'advocaat', 'conseiller', 'conseillère', 'responsable', 'avocat', 'gestionnaire'],
};

const FIELD_BY_NAME = new Map(IMPORT_FIELDS.flatMap((field) => HEADER_NAMES[field].map((name) => [lookupKey(name), field] as const)));

/** The field a column title names, if any. */
export function fieldForHeader(header: string): ImportField | undefined {
  return FIELD_BY_NAME.get(lookupKey(header));
}

/** Our field -> the column whose title names it; the first such column wins, each column fills one field. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const field = fieldForHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}
