import { Alert, Card, Collapse, Descriptions, List, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { CatalogueAward, RuleLine } from '../../../../contracts/award-admin.ts';
import { awardSubjectLabels, rewardTypeLabels } from '../../../../contracts/awards.ts';
import { PageHeader } from '../../components/index.ts';
import { formatDate } from '../../lib/format.ts';
import { describeError } from '../../lib/notify.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { useCatalogue } from './awards.api.ts';
import { ConfidenceTag } from './confidence-tag.tsx';
import { BaseSalaryCard, OverrideButtons } from './rules-admin.tsx';

function RuleLines({ lines }: { lines: RuleLine[] }) {
  return (
    <List
      size="small"
      dataSource={lines}
      renderItem={(line) => (
        <List.Item style={{ paddingLeft: 12 + line.depth * 24 }}>
          <div>
            <span>{line.text}</span>
            {line.article && (
              <>
                {' '}
                <Typography.Text type="secondary">({line.article})</Typography.Text>{' '}
                <ConfidenceTag mark={line.confidence} />
              </>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}

function AwardDetails({
  award,
  ruleSet,
  isAdmin,
}: {
  award: CatalogueAward;
  ruleSet: string;
  isAdmin: boolean;
}) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'subjects',
            label: 'Đối tượng',
            children: award.subjects.map((s) => awardSubjectLabels[s]).join(', '),
          },
          {
            key: 'types',
            label: 'Loại hình',
            children: award.rewardTypes.map((t) => rewardTypeLabels[t]).join('; '),
          },
          { key: 'stats', label: 'Biểu thống kê', children: award.statisticsName ?? '—' },
          {
            key: 'deciders',
            label: 'Thẩm quyền quyết định',
            children: award.deciders.length
              ? award.deciders.map((decider) => (
                  <div key={`${decider.label}${decider.article}`}>
                    {decider.label} ({decider.article}) <ConfidenceTag mark={decider.confidence} />
                  </div>
                ))
              : '—',
          },
          {
            key: 'cash',
            label: 'Mức tiền thưởng',
            children: award.cash.map((cash) => (
              <div key={cash.subject}>
                {awardSubjectLabels[cash.subject]}:{' '}
                {cash.multiple === null ? 'chưa xác định' : `${cash.multiple} lần lương cơ sở`}
                {cash.note ? ` (${cash.note})` : ''} — {cash.article} <ConfidenceTag mark={cash.confidence} />
              </div>
            )),
          },
          {
            key: 'dossier',
            label: 'Hồ sơ',
            children: (
              <>
                {award.dossier.items.join('; ')} ({award.dossier.article}){' '}
                <ConfidenceTag mark={award.dossier.confidence} />
              </>
            ),
          },
          {
            key: 'vote',
            label: 'Biểu quyết',
            children: award.vote ? (
              <>
                {award.vote.text} ({award.vote.article}) <ConfidenceTag mark={award.vote.confidence} />
              </>
            ) : (
              'Không quy định'
            ),
          },
          {
            key: 'posting',
            label: 'Công khai',
            children: (
              <>
                {award.posting.text} ({award.posting.article}){' '}
                <ConfidenceTag mark={award.posting.confidence} />
              </>
            ),
          },
        ]}
      />
      {award.criteria.map((criteria) => (
        <Card
          key={criteria.subject}
          size="small"
          title={`Tiêu chuẩn đối với ${awardSubjectLabels[criteria.subject].toLowerCase()}`}
          extra={
            <Space>
              {criteria.override && <Tag color="purple">Đã thay thế bởi quản trị</Tag>}
              {isAdmin && (
                <OverrideButtons
                  target={{
                    ruleSet,
                    award: award.code,
                    awardName: award.name,
                    subject: criteria.subject,
                    criteria,
                  }}
                />
              )}
            </Space>
          }
        >
          {criteria.override && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              message={`Quy tắc đang áp dụng do quản trị thay thế ngày ${formatDate(criteria.override.updatedAt)}. Lý do: ${criteria.override.reason}`}
            />
          )}
          <RuleLines lines={criteria.lines} />
          {criteria.shippedLines && (
            <>
              <Typography.Title level={3} style={{ fontSize: 14, marginTop: 12 }}>
                Quy tắc gốc
              </Typography.Title>
              <RuleLines lines={criteria.shippedLines} />
            </>
          )}
          {criteria.notes.length > 0 && (
            <List
              size="small"
              header="Hội đồng xem xét thêm"
              dataSource={criteria.notes}
              renderItem={(note) => (
                <List.Item>
                  {note.text} ({note.article}) <ConfidenceTag mark={note.confidence} />
                </List.Item>
              )}
            />
          )}
        </Card>
      ))}
    </Space>
  );
}

/** Every award of a rule set with its rules, rule by rule, each with its article and confidence mark. */
export function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const ruleSet = params.get('boQuyTac') ?? undefined;
  const catalogue = useCatalogue(ruleSet);
  const isAdmin = hasRole(useSession().user, 'admin');
  const data = catalogue.data;
  return (
    <>
      <PageHeader
        title="Danh mục danh hiệu, hình thức khen thưởng"
        description="Tiêu chuẩn, thẩm quyền, mức thưởng, hồ sơ và biểu quyết của từng danh hiệu theo bộ quy tắc; mỗi điều kiện ghi căn cứ và mức tin cậy (C: đã xác nhận, S: nguồn thứ cấp, U: chưa xác nhận)."
        extra={
          data && (
            <Select
              aria-label="Bộ quy tắc"
              style={{ minWidth: 320 }}
              value={data.ruleSet}
              onChange={(value) => setParams({ boQuyTac: value })}
              options={data.ruleSets.map((set) => ({
                value: set.id,
                label: `${formatDate(set.effectiveFrom)} – ${set.effectiveTo ? formatDate(set.effectiveTo) : 'nay'}: ${set.name}`,
              }))}
            />
          )
        }
      />
      {catalogue.isPending && <Skeleton active />}
      {catalogue.isError && <Alert type="error" showIcon message={describeError(catalogue.error)} />}
      {data && (
        <Collapse
          items={data.awards.map((award) => ({
            key: award.code,
            label: (
              <span>
                <strong>{award.name}</strong>{' '}
                <Typography.Text type="secondary">— {award.familyName}</Typography.Text>
              </span>
            ),
            children: <AwardDetails award={award} ruleSet={data.ruleSet} isAdmin={isAdmin} />,
          }))}
        />
      )}
      <BaseSalaryCard canEdit={isAdmin} />
    </>
  );
}
