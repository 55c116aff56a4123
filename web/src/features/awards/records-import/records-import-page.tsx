import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { RecordKind, recordKindLabels } from '../../../../../contracts/award-records.ts';
import { downloadFile } from '../../../lib/download.ts';
import { showError } from '../../../lib/notify.ts';
import { ImportWizard } from '../../organisation/import/import-wizard.tsx';
import { importKinds, recordFileNames, recordImportTarget, recordKindHint } from './record-import-targets.ts';

const kindOptions = importKinds.map((kind) => ({ value: kind, label: recordKindLabels[kind] }));

/** The kind named by `?loai=`, or yearly person ratings. */
function kindOf(value: string | null): RecordKind {
  const parsed = RecordKind.safeParse(value);
  return parsed.success ? parsed.data : 'person-ratings';
}

/** "Nhập hồ sơ thi đua, khen thưởng từ Excel": pick the kind, get its template, import, or export what is kept. */
export function RecordsImportPage() {
  const [params, setParams] = useSearchParams();
  const kind = kindOf(params.get('loai'));
  const [year, setYear] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);

  const exportRecords = async () => {
    setExporting(true);
    try {
      await downloadFile(
        `/api/award-records/${kind}/export`,
        { year },
        `${recordFileNames[kind]}${year ? `-${year}` : ''}.xlsx`,
      );
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  const exportControls = (
    <Flex gap={8} wrap align="center">
      <InputNumber
        aria-label="Năm cần xuất"
        placeholder="Năm (tất cả)"
        min={1945}
        max={2100}
        value={year}
        onChange={(value) => setYear(value)}
        style={{ width: 120 }}
      />
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={exporting}
        onClick={() => void exportRecords()}
      >
        Xuất Excel
      </Button>
    </Flex>
  );

  return (
    <ImportWizard key={kind} target={recordImportTarget(kind)} extra={exportControls}>
      <Card title="Loại hồ sơ cần nhập" style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Select<RecordKind>
            aria-label="Loại hồ sơ cần nhập"
            value={kind}
            options={kindOptions}
            onChange={(value) => setParams({ loai: value }, { replace: true })}
            style={{ maxWidth: 420 }}
          />
          <Typography.Text type="secondary">{recordKindHint(kind)}</Typography.Text>
        </Flex>
      </Card>
    </ImportWizard>
  );
}
