import { FormatFactoryService, InvoiceService, invoiceSchema, ValidationService, type Invoice } from '@e-invoice-eu/core';
import Ajv2019 from 'ajv/dist/2019';
import { logger } from '@/lib/logger';
import type { FeeNoteDocument } from './fee-note-document';
import type { Buyer } from './fee-note-parties';
import { basisPointsToPercent, centsToDecimal, thousandthsToDecimal } from './fee-note-math';
import { VAT_NOTES, VATEX_CODES } from './vat-category';

// The fee note of a business buyer as a Peppol BIS Billing 3.0 invoice (UBL 2.1), made and checked by
// @e-invoice-eu/core: the library validates the data against its EN 16931 schema before it writes any XML.

export const PEPPOL_BIS3_CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
const UBL_FORMAT = 'UBL';

const libraryLogger = {
  log: (message: string) => logger().debug(message),
  warn: (message: string) => logger().warn(message),
  error: (message: string) => logger().warn(message),
};

const endpoint = (peppolId: string) => {
  const [scheme, ...rest] = peppolId.split(':');
  return { 'cbc:EndpointID': rest.join(':'), 'cbc:EndpointID@schemeID': scheme! };
};

function customerParty(buyer: Buyer) {
  return {
    ...endpoint(buyer.peppolId ?? ''),
    'cac:PartyName': { 'cbc:Name': buyer.name },
    'cac:PostalAddress': {
      ...(buyer.street ? { 'cbc:StreetName': buyer.street } : {}),
      ...(buyer.city ? { 'cbc:CityName': buyer.city } : {}),
      ...(buyer.postalCode ? { 'cbc:PostalZone': buyer.postalCode } : {}),
      'cac:Country': { 'cbc:IdentificationCode': buyer.country },
    },
    ...(buyer.vatNumber ? { 'cac:PartyTaxScheme': { 'cbc:CompanyID': buyer.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } } : {}),
    'cac:PartyLegalEntity': { 'cbc:RegistrationName': buyer.name },
  };
}

const taxCategory = (category: FeeNoteDocument['lines'][number]['vatCategory'], rateBasisPoints: number, withReason: boolean) => ({
  'cbc:ID': category,
  ...(category === 'O' ? {} : { 'cbc:Percent': basisPointsToPercent(rateBasisPoints) }),
  ...(withReason && category !== 'S' ? { 'cbc:TaxExemptionReasonCode': VATEX_CODES[category], 'cbc:TaxExemptionReason': VAT_NOTES[category] } : {}),
  'cac:TaxScheme': { 'cbc:ID': 'VAT' },
});

/** The invoice in the library's internal format (its UBL JSON), from the same document the PDF prints. */
export function feeNoteInvoice(note: FeeNoteDocument): Invoice {
  const { seller } = note;
  const credit = note.credits;
  const eur = (cents: number) => centsToDecimal(cents);
  return {
    'ubl:Invoice': {
      'cbc:CustomizationID': PEPPOL_BIS3_CUSTOMIZATION,
      'cbc:ProfileID': 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0',
      'cbc:ID': note.number,
      'cbc:IssueDate': note.issuedOn,
      // 381 makes the library write a UBL CreditNote (CreditNoteTypeCode, CreditedQuantity, no due date).
      'cbc:DueDate': note.dueOn,
      'cbc:InvoiceTypeCode': credit ? '381' : '380',
      'cbc:DocumentCurrencyCode': 'EUR',
      'cbc:BuyerReference': note.caseReference,
      ...(credit ? { 'cac:BillingReference': [{ 'cac:InvoiceDocumentReference': { 'cbc:ID': credit.number, 'cbc:IssueDate': credit.issuedOn } }] } : {}),
      'cac:AccountingSupplierParty': {
        'cac:Party': {
          ...endpoint(seller.peppolId),
          'cac:PartyName': { 'cbc:Name': seller.legalName },
          'cac:PostalAddress': { 'cbc:StreetName': seller.street, 'cbc:CityName': seller.city, 'cbc:PostalZone': seller.postalCode, 'cac:Country': { 'cbc:IdentificationCode': seller.country } },
          'cac:PartyTaxScheme': [{ 'cbc:CompanyID': seller.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }],
          'cac:PartyLegalEntity': { 'cbc:RegistrationName': seller.legalName, 'cbc:CompanyID': seller.enterpriseNumber, 'cbc:CompanyID@schemeID': '0208' },
          'cac:Contact': { 'cbc:ElectronicMail': seller.email },
        },
      },
      'cac:AccountingCustomerParty': { 'cac:Party': customerParty(note.buyer) },
      ...(credit ? {} : { 'cac:PaymentMeans': [{
        'cbc:PaymentMeansCode': '58',
        // The structured communication without its +++ and slashes, as Belgian banks match it.
        'cbc:PaymentID': note.structuredCommunication.replace(/\D/g, ''),
        'cac:PayeeFinancialAccount': { 'cbc:ID': seller.iban, 'cbc:Name': seller.legalName, 'cac:FinancialInstitutionBranch': { 'cbc:ID': seller.bic } },
      }] }),
      'cac:TaxTotal': [{
        'cbc:TaxAmount': eur(note.vatCents),
        'cbc:TaxAmount@currencyID': 'EUR',
        'cac:TaxSubtotal': note.breakdown.map((row) => ({
          'cbc:TaxableAmount': eur(row.taxableCents),
          'cbc:TaxableAmount@currencyID': 'EUR',
          'cbc:TaxAmount': eur(row.vatCents),
          'cbc:TaxAmount@currencyID': 'EUR',
          'cac:TaxCategory': taxCategory(row.category, row.rateBasisPoints, true),
        })),
      }],
      'cac:LegalMonetaryTotal': {
        'cbc:LineExtensionAmount': eur(note.totalExclCents),
        'cbc:LineExtensionAmount@currencyID': 'EUR',
        'cbc:TaxExclusiveAmount': eur(note.totalExclCents),
        'cbc:TaxExclusiveAmount@currencyID': 'EUR',
        'cbc:TaxInclusiveAmount': eur(note.totalInclCents),
        'cbc:TaxInclusiveAmount@currencyID': 'EUR',
        'cbc:PayableAmount': eur(note.totalInclCents),
        'cbc:PayableAmount@currencyID': 'EUR',
      },
      'cac:InvoiceLine': note.lines.map((line) => ({
        'cbc:ID': String(line.position),
        'cbc:InvoicedQuantity': thousandthsToDecimal(line.quantityThousandths),
        'cbc:InvoicedQuantity@unitCode': line.unitCode,
        'cbc:LineExtensionAmount': eur(line.lineExclCents),
        'cbc:LineExtensionAmount@currencyID': 'EUR',
        'cac:Item': { 'cbc:Name': line.description.slice(0, 200), 'cac:ClassifiedTaxCategory': taxCategory(line.vatCategory, line.vatRateBasisPoints, false) },
        'cac:Price': { 'cbc:PriceAmount': eur(line.unitCents), 'cbc:PriceAmount@currencyID': 'EUR' },
      })),
    },
  } as unknown as Invoice;
}

/**
 * Checks invoice data the way InvoiceService.generate does before writing XML: the library's invoice schema with
 * its UBL format's additions (both parties' electronic addresses). Throws the library's ValidationError.
 */
export function validateUblInvoice(invoice: unknown): Invoice {
  const schema = structuredClone(invoiceSchema);
  new FormatFactoryService().createFormatService(UBL_FORMAT, libraryLogger).patchSchema(schema);
  const validate = new Ajv2019({ strict: true, allErrors: true, useDefaults: true }).compile<Invoice>(schema);
  return new ValidationService(libraryLogger).validate('invoice data', validate, invoice);
}

/** The UBL XML; rejects (nothing written) when the data does not pass the library's validation. */
export async function renderUbl(invoice: Invoice): Promise<string> {
  const xml = await new InvoiceService(libraryLogger).generate(invoice, { format: UBL_FORMAT, lang: 'en', noWarnings: true });
  return typeof xml === 'string' ? xml : new TextDecoder().decode(xml);
}
