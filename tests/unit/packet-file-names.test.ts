import { describe, expect, it } from 'vitest';
import { annexSlug, packetFileNames } from '@/lib/documents/packet/packet-file-names';

describe('J-Box packet file names', () => {
  it('orders petition, decision, inventory and numbered annexes in Dutch', () => {
    const names = packetFileNames('nl', {
      petitionExt: '.pdf',
      decisionExt: '.pdf',
      annexes: [
        { title: 'Paspoort', ext: '.pdf' },
        { title: 'Huurcontract', ext: '.odt' },
      ],
    });
    expect(names.ordered).toEqual([
      '01_verzoekschrift.pdf',
      '02_bestreden_beslissing.pdf',
      '03_inventaris.pdf',
      '04_stuk_1_paspoort.pdf',
      '05_stuk_2_huurcontract.odt',
    ]);
    expect(names.annexes).toEqual(['04_stuk_1_paspoort.pdf', '05_stuk_2_huurcontract.odt']);
  });

  it('uses French words and keeps the extension chosen per file', () => {
    const names = packetFileNames('fr', { petitionExt: '.odt', decisionExt: '.PDF', annexes: [{ title: 'Acte de naissance', ext: '.pdf' }] });
    expect(names.petition).toBe('01_requete.odt');
    expect(names.decision).toBe('02_decision_attaquee.pdf');
    expect(names.inventory).toBe('03_inventaire.pdf');
    expect(names.annexes).toEqual(['04_piece_1_acte_de_naissance.pdf']);
  });

  it('slugs titles to ascii, lowercase, [a-z0-9_], at most 40 characters', () => {
    expect(annexSlug('Élève — Attestation d’inscription (2024/25)')).toBe('eleve_attestation_d_inscription_2024_25');
    expect(annexSlug('Straße Œuvre Ærø')).toBe('strasse_oeuvre_aero');
    const long = annexSlug('Verklaring van tenlasteneming bijlage 3bis door de garant');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z0-9_]+$/);
    expect(long.endsWith('_')).toBe(false);
  });

  it('drops the slug when nothing ascii remains', () => {
    const names = packetFileNames('nl', { petitionExt: '.pdf', decisionExt: '.pdf', annexes: [{ title: 'وثيقة', ext: '.pdf' }] });
    expect(names.annexes).toEqual(['04_stuk_1.pdf']);
  });

  it('widens the numbering past 99 files so name order stays filing order', () => {
    const annexes = Array.from({ length: 120 }, (_, i) => ({ title: `Stuk ${i + 1}`, ext: '.pdf' }));
    const names = packetFileNames('nl', { petitionExt: '.pdf', decisionExt: '.pdf', annexes });
    expect(names.petition).toBe('001_verzoekschrift.pdf');
    expect(names.annexes.at(-1)).toBe('123_stuk_120_stuk_120.pdf');
    expect([...names.ordered].sort()).toEqual(names.ordered);
  });

  it('refuses extensions J-Box does not accept', () => {
    expect(() => packetFileNames('nl', { petitionExt: '.docx', decisionExt: '.pdf', annexes: [] })).toThrow(/\.docx/);
  });
});
