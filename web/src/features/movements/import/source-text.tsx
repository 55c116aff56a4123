import type { UnclassifiedLine } from '../../../../../contracts/documents.ts';
import styles from './review.module.css';

/** The uploaded text with line numbers; lines the reader could not place are highlighted. */
export function SourceText({ text, unclassified }: { text: string; unclassified: UnclassifiedLine[] }) {
  const marked = new Set(unclassified.map((line) => line.line));
  const lines = text.split(/\r?\n/);
  return (
    <ol className={styles.source} aria-label="Văn bản gốc">
      {lines.map((line, index) => {
        const number = index + 1;
        const isMarked = marked.has(number);
        return (
          <li
            key={number}
            id={`dong-${number}`}
            className={isMarked ? styles.marked : undefined}
            title={isMarked ? 'Dòng chưa xếp được vào phần nào' : undefined}
          >
            <span className={styles.number} aria-hidden>
              {number}
            </span>
            <span className={styles.text}>{line || '\u00a0'}</span>
          </li>
        );
      })}
    </ol>
  );
}
