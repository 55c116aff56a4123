import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocNode, ParsedDocument } from '#contracts/documents.ts';
import {
  isPdfConverterAvailable,
  parseDocumentBuffer,
  parseDocumentText,
  renderDocx,
  renderPdf,
} from './index.ts';
import { readDocumentText } from './input/document.input.ts';
import { fixturesDir, hasSeeds, listFixtures, listSeeds, seedsMissing } from './test-support.ts';

type Tree = { label: string | null; text: string; children: Tree[] };
const tree = (nodes: DocNode[]): Tree[] =>
  nodes.map((node) => ({ label: node.label, text: node.text, children: tree(node.children) }));

/** The parts a render → parse round trip must keep (everything but source line numbers). */
function structure(doc: ParsedDocument) {
  return {
    kind: doc.kind,
    type: doc.type,
    issuer: doc.issuer,
    number: doc.number,
    place: doc.place,
    date: doc.date,
    title: doc.title,
    authority: doc.authority,
    addressees: doc.addressees,
    legalBasis: doc.legalBasis,
    preamble: doc.preamble.map((paragraph) => paragraph.text),
    enacting: doc.enacting,
    movement: { ...doc.movement, periodSource: doc.movement.periodSource?.text ?? null },
    sections: tree(doc.sections),
    articles: tree(doc.articles),
    signature: doc.signature,
    recipients: doc.recipients,
    attachments: doc.attachments.map((attachment) => ({
      ...attachment,
      lines: null,
      sections: tree(attachment.sections),
      articles: tree(attachment.articles),
    })),
  };
}

async function expectRoundTrip(text: string): Promise<void> {
  const original = parseDocumentText(text);
  const docx = await renderDocx(original);
  expect(docx.subarray(0, 2).toString()).toBe('PK');
  const again = await parseDocumentBuffer(docx, 'rendered.docx');
  expect(structure(again)).toEqual(structure(original));
}

describe('render DOCX then parse it back', () => {
  for (const name of listFixtures()) {
    it(`keeps the structure of fixture ${name}`, async () => {
      await expectRoundTrip(await readDocumentText(readFileSync(path.join(fixturesDir, name)), name));
    });
  }
  for (const [name, text] of listSeeds()) {
    it(`keeps the structure of seed ${name}`, async () => {
      await expectRoundTrip(text);
    });
  }
  if (!hasSeeds) it.skip(seedsMissing, () => {});

  it('writes the NĐ 30/2020 page: A4, margins, Times New Roman, page number header from page 2', async () => {
    const JSZip = (await import('jszip')).default;
    const doc = parseDocumentText(readFileSync(path.join(fixturesDir, 'quyet-dinh-khen-thuong.txt'), 'utf8'));
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"[^>]*w:left="1701"|w:left="1701"[^>]*w:top="1134"/);
    expect(xml).toContain('<w:titlePg');
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toContain('Số: 215/QĐ-UBND');
    expect(xml).toContain('Hoa Sơn, ngày 05 tháng 01 năm 2024');
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('Times New Roman');
  });
});

describe('render PDF through LibreOffice', async () => {
  const available = await isPdfConverterAvailable();
  it.skipIf(!available)(
    'produces a PDF file',
    async () => {
      const doc = parseDocumentText(readFileSync(path.join(fixturesDir, 'cong-van-mot-la.txt'), 'utf8'));
      const pdf = await renderPdf(doc);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    },
    120_000,
  );
  if (!available) it.skip('LibreOffice (soffice) not installed: PDF test skipped', () => {});
});
