import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Form, Select, Tag, Typography } from 'antd';
import type { RankingView } from '../../../../contracts/bloc-scoring.ts';
import {
  type BlocMeetingView,
  ProposalAward,
  proposalAwardLabels,
} from '../../../../contracts/bloc-scoring-meeting.ts';
import { newIdempotencyKey } from '../../lib/api-client.ts';
import type { MeetingDraft } from './meeting.api.ts';

type Row = RankingView['rows'][number];

/** How many proposals of each award the draft makes against the limit the server gives for this bloc. */
function quotaUse(draft: MeetingDraft, quotas: BlocMeetingView['quotas']) {
  return quotas.map((quota) => ({
    ...quota,
    count: draft.proposals.filter((proposal) => proposal.award === quota.award).length,
  }));
}

/**
 * The bloc meeting's record entered with the publication: the member units present, the proposals
 * (a Cờ thi đua only for a leading unit, within the table's quotas) and next year's head and deputy.
 */
export function MeetingFields({
  rows,
  quotas,
  value,
  onChange,
}: {
  rows: readonly Row[];
  quotas: BlocMeetingView['quotas'];
  value: MeetingDraft;
  onChange: (next: MeetingDraft) => void;
}) {
  const set = (patch: Partial<MeetingDraft>) => onChange({ ...value, ...patch });
  const units = rows.map((row) => ({
    value: row.unitId,
    label: row.isLeading ? `${row.unitName} (dẫn đầu)` : row.unitName,
  }));
  const leading = new Set(rows.filter((row) => row.isLeading).map((row) => row.unitId));
  const awardOptions = (unitId: string) =>
    ProposalAward.options.map((award) => ({
      value: award,
      label: proposalAwardLabels[award],
      disabled: award.startsWith('CO_') && !leading.has(unitId),
    }));
  const setProposal = (index: number, patch: Partial<MeetingDraft['proposals'][number]>) =>
    set({
      proposals: value.proposals.map((proposal, at) => (at === index ? { ...proposal, ...patch } : proposal)),
    });
  const used = quotaUse(value, quotas);
  const over = used.filter((quota) => quota.count > quota.limit);
  const firstLeading = rows.find((row) => row.isLeading)?.unitId ?? rows[0]?.unitId;
  return (
    <Form layout="vertical" component="div">
      <Form.Item label="Đơn vị dự họp">
        <Checkbox.Group
          aria-label="Đơn vị dự họp"
          options={rows.map((row) => ({ value: row.unitId, label: row.unitName }))}
          value={[...value.presentUnitIds]}
          onChange={(checked) => set({ presentUnitIds: checked as string[] })}
        />
        <div>
          <Button
            type="link"
            style={{ paddingInline: 0 }}
            onClick={() => set({ presentUnitIds: rows.map((row) => row.unitId) })}
          >
            Chọn tất cả
          </Button>
        </div>
      </Form.Item>
      <Form.Item
        label="Đề nghị khen thưởng"
        extra="Cờ thi đua chỉ đề nghị cho đơn vị dẫn đầu khối, cụm. Mỗi đơn vị một lần cho mỗi hình thức."
      >
        <Flex vertical gap={8}>
          {value.proposals.map((proposal, index) => (
            <Flex key={proposal.key} gap={8} wrap style={{ maxWidth: 760 }}>
              <Select
                aria-label={`Đơn vị được đề nghị ${index + 1}`}
                style={{ flex: '1 1 220px', minWidth: 0 }}
                options={units}
                value={proposal.unitId}
                onChange={(unitId: string) => setProposal(index, { unitId })}
              />
              <Select
                aria-label={`Hình thức đề nghị ${index + 1}`}
                style={{ flex: '1 1 260px', minWidth: 0 }}
                options={awardOptions(proposal.unitId)}
                value={proposal.award}
                onChange={(award: ProposalAward) => setProposal(index, { award })}
              />
              <Button
                aria-label={`Bỏ đề nghị ${index + 1}`}
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => set({ proposals: value.proposals.filter((_, at) => at !== index) })}
              />
            </Flex>
          ))}
          <div>
            <Button
              icon={<PlusOutlined aria-hidden />}
              disabled={!firstLeading}
              onClick={() =>
                set({
                  proposals: [
                    ...value.proposals,
                    {
                      key: newIdempotencyKey(),
                      unitId: firstLeading ?? '',
                      award: leading.has(firstLeading ?? '') ? 'CO_BO_TINH' : 'BK_BO_TINH',
                    },
                  ],
                })
              }
            >
              Thêm đề nghị
            </Button>
          </div>
          {used.length > 0 && (
            <Flex gap={4} wrap>
              <Typography.Text type="secondary">Hạn mức của bảng tiêu chí:</Typography.Text>
              {used.map((quota) => (
                <Tag key={quota.award} color={quota.count > quota.limit ? 'red' : undefined}>
                  {proposalAwardLabels[quota.award]}: {quota.count}/{quota.limit}
                </Tag>
              ))}
            </Flex>
          )}
          {over.map((quota) => (
            <Alert
              key={quota.award}
              type="error"
              showIcon
              title={`Số đề nghị tặng ${proposalAwardLabels[quota.award]} (${quota.count}) vượt hạn mức của bảng tiêu chí: tối đa ${quota.limit}.`}
            />
          ))}
        </Flex>
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item label="Khối trưởng năm sau" style={{ minWidth: 260 }}>
          <Select
            aria-label="Khối trưởng năm sau"
            allowClear
            placeholder="Chưa chọn"
            options={units}
            value={value.nextHeadUnitId}
            onChange={(unitId?: string) =>
              set({
                nextHeadUnitId: unitId ?? null,
                nextDeputyUnitId: unitId && unitId !== value.nextDeputyUnitId ? value.nextDeputyUnitId : null,
              })
            }
          />
        </Form.Item>
        <Form.Item label="Khối phó năm sau" style={{ minWidth: 260 }}>
          <Select
            aria-label="Khối phó năm sau"
            allowClear
            placeholder="Chưa chọn"
            disabled={!value.nextHeadUnitId}
            options={units.filter((unit) => unit.value !== value.nextHeadUnitId)}
            value={value.nextDeputyUnitId}
            onChange={(unitId?: string) => set({ nextDeputyUnitId: unitId ?? null })}
          />
        </Form.Item>
      </Flex>
    </Form>
  );
}
