import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  InputNumber,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { awardCatalogue, awardName } from '../../../../contracts/award-catalogue.ts';
import type { Candidate } from '../../../../contracts/award-eligibility.ts';
import { AwardCode, verdictLabels } from '../../../../contracts/awards.ts';
import { CursorPager, type CursorPosition } from '../../components/cursor-pager.tsx';
import { PageHeader } from '../../components/index.ts';
import { downloadFile } from '../../lib/download.ts';
import { describeError, showError } from '../../lib/notify.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { CreateNominationModal } from '../nominations/index.ts';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { type CandidateSearch, useCandidates } from './awards.api.ts';
import { EligibilityDrawer, verdictColours } from './eligibility-drawer.tsx';

const awardOptions = AwardCode.options
  .filter((code) => awardCatalogue[code].subjects.some((subject) => subject !== 'household'))
  .map((code) => ({ value: code, label: awardName(code) }));

const thisYear = new Date().getFullYear();

function readSearch(params: URLSearchParams): CandidateSearch {
  const award = AwardCode.safeParse(params.get('award'));
  const year = Number(params.get('year'));
  return {
    unitId: params.get('unitId') ?? undefined,
    award: award.success ? award.data : 'CSTDCS',
    year: Number.isInteger(year) && year >= 1945 && year <= thisYear ? year : thisYear - 1,
    show: params.get('show') === 'all' ? 'all' : 'candidates',
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number(params.get('limit')) || 20,
  };
}

function writeSearch(search: CandidateSearch): Record<string, string> {
  const entries = Object.entries(search).filter(([, value]) => value !== undefined && value !== '');
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

/** "Đề xuất khen thưởng": pick a unit, a year and an award; see who is eligible and why. */
export function CandidatesPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const user = useSession().data?.user ?? null;
  const canImport = hasRole(user, 'admin') || hasRole(user, 'tdkt_officer');
  const search = readSearch(params);
  const update = (change: Partial<CandidateSearch>, keepPage = false) => {
    // Another unit, award or year makes another list: what was picked no longer belongs to it.
    if (!keepPage) setPicked([]);
    setParams(
      writeSearch({ ...search, ...(keepPage ? {} : { after: undefined, before: undefined }), ...change }),
    );
  };
  const page = useCandidates(search);
  const [open, setOpen] = useState<Candidate | null>(null);
  const [exporting, setExporting] = useState(false);
  const [picked, setPicked] = useState<Candidate[]>([]);
  const [nominating, setNominating] = useState(false);

  const columns: TableColumnsType<Candidate> = [
    {
      title:
        search.show === 'all' || awardCatalogue[search.award].subjects.includes('individual')
          ? 'Họ và tên'
          : 'Tập thể',
      dataIndex: 'name',
    },
    { title: 'Đơn vị', dataIndex: 'unitName', responsive: ['md'] },
    {
      title: 'Kết quả xét',
      dataIndex: 'verdict',
      width: 150,
      render: (verdict: Candidate['verdict']) => (
        <Tag color={verdictColours[verdict]}>{verdictLabels[verdict]}</Tag>
      ),
    },
    { title: 'Lý do', dataIndex: 'reason' },
    {
      title: '',
      key: 'open',
      width: 120,
      render: (_, row) => (
        <Button onClick={() => setOpen(row)} aria-label={`Xem lý do của ${row.name}`}>
          Xem lý do
        </Button>
      ),
    },
  ];

  const exportList = async () => {
    if (!search.unitId) return;
    setExporting(true);
    try {
      await downloadFile(
        `/api/units/${search.unitId}/candidates/export`,
        { award: search.award, year: search.year, show: search.show },
        `de-xuat-${search.award}-${search.year}.xlsx`,
      );
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Đề xuất khen thưởng"
        description="Chọn đơn vị, năm thành tích và danh hiệu: hệ thống xét theo hồ sơ đã ghi nhận và nêu căn cứ pháp lý."
        extra={
          <Flex gap={8} wrap>
            <Button
              type="primary"
              disabled={!search.unitId || picked.length === 0}
              onClick={() => setNominating(true)}
            >
              Lập tờ trình{picked.length ? ` (${picked.length})` : ''}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              disabled={!search.unitId}
              loading={exporting}
              onClick={() => void exportList()}
            >
              Xuất Excel
            </Button>
            {canImport && (
              <Button
                icon={<ImportOutlined aria-hidden />}
                onClick={() => navigate('/khen-thuong/nhap-ho-so')}
              >
                Nhập hồ sơ từ Excel
              </Button>
            )}
          </Flex>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <div style={{ minWidth: 280, flex: 1 }}>
            <UnitSelect
              id="candidate-unit"
              value={search.unitId ?? null}
              onChange={(value) => update({ unitId: typeof value === 'string' ? value : undefined })}
              placeholder="Chọn đơn vị (gõ tên)"
            />
          </div>
          <InputNumber
            aria-label="Năm thành tích"
            min={1945}
            max={thisYear}
            value={search.year}
            onChange={(value) => value && update({ year: value })}
            addonBefore="Năm"
          />
          <Select
            aria-label="Danh hiệu, hình thức khen thưởng"
            style={{ minWidth: 280 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={search.award}
            options={awardOptions}
            onChange={(award) => update({ award })}
          />
          <Segmented
            value={search.show}
            onChange={(show) => update({ show: show as CandidateSearch['show'] })}
            options={[
              { value: 'candidates', label: 'Đủ điều kiện, cần xem xét' },
              { value: 'all', label: 'Tất cả' },
            ]}
          />
        </Flex>
      </Card>
      {!search.unitId && <Alert type="info" showIcon message="Chọn đơn vị để xem danh sách." />}
      {page.isError && <Alert type="error" showIcon message={describeError(page.error)} />}
      {search.unitId && (
        <>
          <Table<Candidate>
            rowKey="id"
            bordered
            rowSelection={{
              selectedRowKeys: picked.map((candidate) => candidate.id),
              onChange: (_, rows) => setPicked(rows),
            }}
            loading={page.isFetching}
            columns={columns}
            dataSource={page.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: 'Không có ai đủ điều kiện hoặc cần xem xét.' }}
          />
          <CursorPager
            page={page.data}
            position={{ after: search.after, before: search.before, limit: search.limit }}
            onChange={(position: CursorPosition) => update({ ...position }, true)}
            noun={
              awardCatalogue[search.award].subjects.includes('individual')
                ? 'người được xét'
                : 'tập thể được xét'
            }
            isLoading={page.isFetching}
          />
        </>
      )}
      <EligibilityDrawer
        subject={
          open
            ? {
                kind: open.subject === 'individual' ? 'individual' : 'collective',
                id: open.id,
                name: open.name,
              }
            : null
        }
        award={search.award}
        year={search.year}
        onClose={() => setOpen(null)}
      />
      {nominating && search.unitId && (
        <CreateNominationModal
          unitId={search.unitId}
          award={search.award}
          year={search.year}
          candidates={picked}
          onClose={() => setNominating(false)}
        />
      )}
    </>
  );
}
