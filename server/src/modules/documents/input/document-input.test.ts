import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cleanDocumentText, readDocumentText } from './document.input.ts';

describe('cleanDocumentText', () => {
  it('keeps line feeds and tabs, turns other line ends into line feeds and drops control characters', () => {
    expect(cleanDocumentText('KẾ HOẠCH\r\nThi đua\u0000 năm\u001b 2024\r\tMục\u000bI\u0085Hết')).toBe(
      'KẾ HOẠCH\nThi đua năm 2024\n\tMục\nI\nHết',
    );
  });

  it('replaces half of a surrogate pair and keeps whole emoji', () => {
    expect(cleanDocumentText('a\ud800b\udc00c 😀')).toBe('a\ufffdb\ufffdc 😀');
  });
});

describe('readDocumentText', () => {
  it('reads a Word file whose character references name no character without failing', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<w:document><w:body><w:p><w:r><w:t>Kế hoạch &#0;&#x1b;năm 2024 &#x110000;&#xD800;&#99999999999;</w:t></w:r></w:p></w:body></w:document>',
    );
    const text = await readDocumentText(await zip.generateAsync({ type: 'nodebuffer' }), 'kh.docx');
    expect(text).toBe('Kế hoạch năm 2024 \ufffd\ufffd\ufffd\n');
  });

  it('answers a Word file whose content cannot be unpacked with a document error', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      `<w:document>${'<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>'.repeat(100)}</w:document>`,
    );
    const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    docx.fill(0x41, 60, 120);
    await expect(readDocumentText(docx, 'hong.docx')).rejects.toMatchObject({ name: 'DocumentError' });
  });
});
