import { AppError } from '@/lib/errors';
import type { BillingDetails } from './billing-details';
import { normalizeBelgianVatNumber } from './check-digits';
import type { IssueFeeNoteInput } from './issue-schemas';
import { hasEuVatNumber } from './vat-category';

// The seller and buyer as snapshotted on a fee note (FeeNote.seller / .buyer): what was printed, for good.

export type Seller = BillingDetails & { peppolId: string };
export type Buyer = {
  kind: 'PERSON' | 'COMPANY';
  clientId: string;
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  vatNumber: string | null;
  email: string | null;
  /** Where a Peppol access point delivers the UBL file: "<scheme>:<id>" (0208 = KBO/BCE, 99xx = a VAT number, EM = email). */
  peppolId: string | null;
};

// Peppol's electronic address schemes for the VAT numbers of EU member states (Peppol EAS code list).
const VAT_SCHEMES: Record<string, string> = { AT: '9914', DE: '9930', EE: '9931', GR: '9933', HR: '9934', IE: '9935', LT: '9937', LU: '9938', LV: '9939', MT: '9943', NL: '9944', PL: '9945', PT: '9946', RO: '9947', SI: '9949', SK: '9950', FR: '9957', ES: '9920', IT: '0211', HU: '9910', BG: '9926', CY: '9928', CZ: '9929' };

export const sellerSnapshot = (details: BillingDetails): Seller => ({ ...details, peppolId: `0208:${details.enterpriseNumber}` });

type ClientRow = { id: string; firstName: string; lastName: string; email: string | null; addressLine: string | null; postalCode: string | null; commune: string | null };

export function buyerSnapshot(input: IssueFeeNoteInput, client: ClientRow): Buyer {
  if (input.buyerKind === 'PERSON') {
    return { kind: 'PERSON', clientId: client.id, name: `${client.firstName} ${client.lastName}`, street: client.addressLine, postalCode: client.postalCode, city: client.commune, country: input.buyerCountry, vatNumber: null, email: client.email, peppolId: null };
  }
  let vatNumber = input.buyerVatNumber ?? null;
  let peppolId: string | null = null;
  if (vatNumber?.startsWith('BE') || (input.buyerCountry === 'BE' && vatNumber)) {
    vatNumber = normalizeBelgianVatNumber(vatNumber);
    if (!vatNumber) throw new AppError('VALIDATION', { message: 'bad Belgian VAT number', details: { fieldErrors: { buyerVatNumber: ['vatNumber'] } } });
    peppolId = `0208:${vatNumber.slice(2)}`;
  } else if (vatNumber && hasEuVatNumber({ kind: 'COMPANY', country: input.buyerCountry, vatNumber }) && VAT_SCHEMES[input.buyerCountry]) {
    peppolId = `${VAT_SCHEMES[input.buyerCountry]}:${vatNumber}`;
  } else if (input.buyerEmail) {
    peppolId = `EM:${input.buyerEmail}`;
  }
  // UBL needs an address for the buyer's access point; without a VAT number to derive one, an email is the address.
  if (!peppolId) throw new AppError('VALIDATION', { message: 'no electronic address for the buyer', details: { fieldErrors: { buyerEmail: ['endpoint'] } } });
  return { kind: 'COMPANY', clientId: client.id, name: input.buyerName, street: input.buyerStreet, postalCode: input.buyerPostalCode, city: input.buyerCity, country: input.buyerCountry, vatNumber, email: input.buyerEmail ?? null, peppolId };
}
