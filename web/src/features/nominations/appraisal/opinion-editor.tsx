import { Button, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { awardCatalogue } from '../../../../../contracts/award-catalogue.ts';
import type { AwardCode } from '../../../../../contracts/awards.ts';
import {
  type AppraisalProposal,
  appraisalProposalLabels,
  type NomineeAppraisal,
} from '../../../../../contracts/nomination-appraisal.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { useSaveAppraisal } from './appraisal.api.ts';

interface OpinionEditorProps {
  nominationId: string;
  item: NomineeAppraisal;
  disabled: boolean;
  onSaved: () => void;
}

/** The standing body's opinion and proposal on one nominee, saved at the version shown. */
export function OpinionEditor({ nominationId, item, disabled, onSaved }: OpinionEditorProps) {
  const save = useSaveAppraisal(nominationId);
  const name = item.nominee.person?.fullName ?? item.nominee.unit?.name ?? item.nominee.householdName ?? '';
  const [opinion, setOpinion] = useState(item.opinion?.opinion ?? '');
  const [proposal, setProposal] = useState<AppraisalProposal | undefined>(item.opinion?.proposal);
  const [award, setAward] = useState<AwardCode | undefined>(item.opinion?.proposedAwardCode ?? undefined);
  const awards = Object.values(awardCatalogue).filter(
    (entry) => entry.code !== item.nominee.awardCode && entry.subjects.includes(item.nominee.subject),
  );
  const changed =
    opinion !== (item.opinion?.opinion ?? '') ||
    proposal !== item.opinion?.proposal ||
    (award ?? null) !== (item.opinion?.proposedAwardCode ?? null);

  const submit = async () => {
    if (!proposal) return;
    try {
      await save.mutateAsync({
        nomineeId: item.nominee.id,
        body: {
          opinion,
          proposal,
          proposedAwardCode: proposal === 'other_award' ? (award ?? null) : null,
          ...(item.opinion ? { version: item.opinion.version } : {}),
        },
      });
      showSuccess(`Đã ghi ý kiến thẩm định cho ${name}.`);
      onSaved();
    } catch (error) {
      showError(error);
      onSaved();
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Radio.Group
        aria-label={`Đề xuất cho ${name}`}
        value={proposal}
        disabled={disabled}
        onChange={(event) => setProposal(event.target.value)}
        options={(Object.keys(appraisalProposalLabels) as AppraisalProposal[]).map((value) => ({
          value,
          label: appraisalProposalLabels[value],
        }))}
      />
      {proposal === 'other_award' && (
        <Select
          aria-label={`Hình thức đề nghị thay thế cho ${name}`}
          showSearch
          optionFilterProp="label"
          placeholder="Chọn hình thức"
          style={{ width: '100%' }}
          disabled={disabled}
          value={award}
          onChange={setAward}
          options={awards.map((entry) => ({ value: entry.code, label: entry.name }))}
        />
      )}
      <Input.TextArea
        aria-label={`Ý kiến thẩm định cho ${name}`}
        placeholder={proposal === 'disagree' ? 'Lý do không đồng ý (bắt buộc)' : 'Ý kiến thẩm định'}
        autoSize={{ minRows: 2 }}
        maxLength={4000}
        disabled={disabled}
        value={opinion}
        onChange={(event) => setOpinion(event.target.value)}
      />
      {!disabled && (
        <Button
          onClick={submit}
          loading={save.isPending}
          disabled={
            !changed ||
            !proposal ||
            (proposal === 'disagree' && !opinion.trim()) ||
            (proposal === 'other_award' && !award)
          }
        >
          Lưu ý kiến
        </Button>
      )}
    </Space>
  );
}
