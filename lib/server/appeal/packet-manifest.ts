/** One file of a built J-Box packet, as kept in AppealFiling.manifest and shown on the case page. */
export type PacketFile = {
  order: number;
  fileName: string;
  role: 'petition' | 'decision' | 'inventory' | 'annex';
  documentId: string | null;
  versionId: string | null;
  title: string | null;
  sourceMimeType: string;
  converted: boolean;
  tool: 'ghostscript' | 'libreoffice' | null;
  format: string;
  sha256: string;
  sizeBytes: number;
};

export type PacketManifest = { language: 'nl' | 'fr'; builtAt: string; files: PacketFile[]; zip: { sha256: string; sizeBytes: number } };
