import { Alert, List, Space, Tag, Tooltip, Typography } from 'antd';
import { type Confidence, confidenceLabels, verdictLabels } from '../../../../../contracts/awards.ts';
import {
  type AppraisalWarning,
  appraisalWarningLabels,
  type NomineeAppraisal,
} from '../../../../../contracts/nomination-appraisal.ts';

const verdictColours = { eligible: 'green', not_eligible: 'red', needs_review: 'gold' } as const;
const markColours: Record<Confidence, string> = { C: 'green', S: 'gold', U: 'red' };
const metLabel = (met: boolean | null) =>
  met === true ? 'Đạt' : met === false ? 'Không đạt' : 'Cần xem xét';
const metColour = (met: boolean | null) => (met === true ? 'green' : met === false ? 'red' : 'gold');

/** The engine's verdict as a coloured tag (or why there is none). */
export function VerdictTag({ item }: { item: NomineeAppraisal }) {
  if (!item.eligibility) return <Tag>{item.eligibilityError ? 'Không xét được' : 'Không áp dụng'}</Tag>;
  return (
    <Tag color={verdictColours[item.eligibility.verdict]}>{verdictLabels[item.eligibility.verdict]}</Tag>
  );
}

/** The warnings of a nominee as tags; the message and article show on hover. */
export function WarningTags({ warnings }: { warnings: AppraisalWarning[] }) {
  if (!warnings.length) return <Typography.Text type="secondary">Không có</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {warnings.map((warning) => (
        <Tooltip key={warning.message} title={`${warning.message} Căn cứ: ${warning.article}.`}>
          <Tag color="orange">{appraisalWarningLabels[warning.kind]}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

const Mark = ({ mark }: { mark: Confidence }) => (
  <Tooltip title={confidenceLabels[mark]}>
    <Tag color={markColours[mark]}>{mark}</Tag>
  </Tooltip>
);

/** A nominee's reasons: every condition with its article, the warnings in full, the dossier checklist. */
export function AppraisalDetails({ item }: { item: NomineeAppraisal }) {
  const { eligibility } = item;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {item.eligibilityError && <Alert type="warning" showIcon title={item.eligibilityError} />}
      {eligibility && (
        <>
          <Typography.Text>
            Xét theo {eligibility.ruleSetName}, thành tích năm {eligibility.forYear}.
          </Typography.Text>
          <List
            size="small"
            bordered
            header="Các điều kiện"
            dataSource={eligibility.checks}
            renderItem={(check) => (
              <List.Item>
                <div>
                  <Tag color={metColour(check.met)}>{metLabel(check.met)}</Tag>
                  {check.message} <Typography.Text type="secondary">Căn cứ: {check.article}</Typography.Text>{' '}
                  <Mark mark={check.confidence} />
                </div>
              </List.Item>
            )}
          />
          {eligibility.notes.length > 0 && (
            <List
              size="small"
              header="Hội đồng cân nhắc thêm"
              dataSource={eligibility.notes}
              renderItem={(note) => (
                <List.Item>
                  {note.message} <Typography.Text type="secondary">({note.article})</Typography.Text>
                </List.Item>
              )}
            />
          )}
        </>
      )}
      {item.warnings.length > 0 && (
        <List
          size="small"
          bordered
          header="Cảnh báo"
          dataSource={item.warnings}
          renderItem={(warning) => (
            <List.Item>
              <div>
                <Tag color="orange">{appraisalWarningLabels[warning.kind]}</Tag>
                {warning.message}{' '}
                <Typography.Text type="secondary">Căn cứ: {warning.article}</Typography.Text>{' '}
                <Mark mark={warning.confidence} />
              </div>
            </List.Item>
          )}
        />
      )}
      <DossierLine checklist={item.dossierChecklist} />
    </Space>
  );
}

/** The dossier in one line: complete, or which components are still missing. */
export function DossierLine({ checklist }: { checklist: NomineeAppraisal['dossierChecklist'] }) {
  if (!checklist) return <Typography.Text type="secondary">Hồ sơ: chưa có danh mục hồ sơ.</Typography.Text>;
  const missing = checklist.filter((entry) => !entry.present);
  if (!missing.length)
    return <Typography.Text type="success">Hồ sơ: đủ {checklist.length} thành phần.</Typography.Text>;
  return (
    <Typography.Text type="warning">
      Hồ sơ còn thiếu: {missing.map((entry) => entry.label).join('; ')}.
    </Typography.Text>
  );
}

/** The dossier as a tag of the nominees' table: complete, or how many components are missing. */
export function DossierTag({ checklist }: { checklist: NomineeAppraisal['dossierChecklist'] }) {
  if (!checklist) return <Typography.Text type="secondary">—</Typography.Text>;
  const missing = checklist.filter((entry) => !entry.present).length;
  return missing ? <Tag color="orange">Thiếu {missing}</Tag> : <Tag color="green">Đủ</Tag>;
}
