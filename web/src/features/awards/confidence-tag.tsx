import { Tag, Tooltip } from 'antd';
import { type Confidence, confidenceLabels } from '../../../../contracts/awards.ts';

const colours: Record<Confidence, string> = { C: 'green', S: 'gold', U: 'red' };

/** The confidence mark of a legal fact: C confirmed, S secondary source, U unconfirmed. */
export function ConfidenceTag({ mark }: { mark: Confidence | undefined }) {
  if (!mark) return null;
  return (
    <Tooltip title={confidenceLabels[mark]}>
      <Tag color={colours[mark]} aria-label={`Mức tin cậy ${mark}: ${confidenceLabels[mark]}`}>
        {mark}
      </Tag>
    </Tooltip>
  );
}
