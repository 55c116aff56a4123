import type { DocNode } from '#contracts/documents.ts';
import type { PlanContent } from '#contracts/movements.ts';
import { escapeHtml } from '#server/platform/http/public-html.ts';

/** Deeper levels than this are printed flat under their parent (a parsed plan rarely goes past 4). */
const MAX_DEPTH = 6;

function nodes(list: DocNode[], depth: number): string {
  if (!list.length) return '';
  const items = list
    .map((node) => {
      const label = node.label ? `<strong>${escapeHtml(node.label)}</strong> ` : '';
      const children = depth < MAX_DEPTH ? nodes(node.children, depth + 1) : flat(node.children);
      return `<li>${label}${escapeHtml(node.text)}${children}</li>`;
    })
    .join('');
  return `<ul>${items}</ul>`;
}

const flat = (list: DocNode[]): string =>
  list
    .map(
      (node) => `<br>${escapeHtml([node.label, node.text].filter(Boolean).join(' '))}${flat(node.children)}`,
    )
    .join('');

/**
 * The launched plan as the public reads it: its heading (issuer, number, title), the preamble and
 * legal basis, every body section with its numbering as written, and the signature; all escaped.
 */
export function planHtml(plan: PlanContent) {
  const document = plan.document;
  const heading = [document.issuer.parent, document.issuer.name].filter(Boolean).map(escapeHtml).join('<br>');
  const basis = document.legalBasis.map((entry) => `<p>${escapeHtml(entry.text)}</p>`).join('');
  const preamble = document.preamble.map((entry) => `<p>${escapeHtml(entry.text)}</p>`).join('');
  const signature = [...document.signature.authority, document.signature.title, document.signature.name]
    .filter(Boolean)
    .map(escapeHtml)
    .join('<br>');
  return `<div class="card plan">
${heading ? `<p class="meta">${heading}</p>` : ''}
${document.kind ? `<h2>${escapeHtml(document.kind)}</h2>` : ''}
${document.title ? `<p><strong>${escapeHtml(document.title)}</strong></p>` : ''}
${basis}${preamble}
${nodes(document.sections, 1)}
${signature ? `<p class="meta" style="text-align:right">${signature}</p>` : ''}
</div>`;
}
