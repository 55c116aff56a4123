import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Divider, Input, Typography } from 'antd';
import { useState } from 'react';
import { RankingView } from '../../../../contracts/bloc-scoring.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { describeError, showSuccess } from '../../lib/notify.ts';
import { scoringKeys, useRefreshScoring } from './bloc-scoring.api.ts';
import { emptyMeeting, type MeetingDraft, meetingBody, useBlocMeeting } from './meeting.api.ts';
import { MeetingFields } from './meeting-fields.tsx';

/**
 * Publication of a bloc's result with the meeting's record, sent at the table's version: a stale
 * version or a refusal (quota exceeded, a Cờ for a unit that does not lead) stays on the card with
 * the server's message, and what the user entered is kept.
 */
export function PublishCard({
  ranking,
  votes,
}: {
  ranking: RankingView;
  votes: Record<string, number | null>;
}) {
  const { tableId: id, blocId } = ranking;
  const client = useQueryClient();
  const refresh = useRefreshScoring();
  const { modal } = App.useApp();
  const meeting = useBlocMeeting(id, blocId);
  const [note, setNote] = useState('');
  const [draft, setDraft] = useState<MeetingDraft>(() => ({
    ...emptyMeeting,
    presentUnitIds: ranking.rows.map((row) => row.unitId),
  }));
  const [refusal, setRefusal] = useState<{ message: string; stale: boolean } | null>(null);
  const allFinal = ranking.rows.every((row) => row.sheetStatus === 'final');
  const send = async () => {
    try {
      const saved = await api.post(
        `/api/scoring-tables/${id}/blocs/${blocId}/publish`,
        {
          version: ranking.tableVersion,
          note,
          votes: Object.entries(votes)
            .filter(([, value]) => value !== null && value !== undefined)
            .map(([unitId, value]) => ({ unitId, votes: value as number })),
          ...meetingBody(draft),
        },
        { schema: RankingView },
      );
      setRefusal(null);
      client.setQueryData(scoringKeys.ranking(id, blocId), saved);
      showSuccess('Đã công bố kết quả xếp hạng và biên bản họp khối, cụm.');
    } catch (error) {
      setRefusal({ message: describeError(error), stale: isApiError(error, 'VERSION_CONFLICT') });
    } finally {
      await refresh();
    }
  };
  const publish = () =>
    modal.confirm({
      title: 'Công bố kết quả xếp hạng?',
      content:
        'Sau khi công bố, kết quả và biên bản họp được khóa: điểm, thứ hạng, đề nghị khen thưởng và khối trưởng năm sau không sửa được; các đơn vị trong khối, cụm xem được kết quả của nhau.',
      okText: 'Công bố kết quả',
      cancelText: 'Hủy',
      onOk: send,
    });
  return (
    <Card title="Họp khối, cụm và công bố kết quả">
      {!allFinal && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Chỉ công bố được khi bảng điểm của mọi đơn vị đã chốt."
        />
      )}
      {refusal && (
        <Alert
          type={refusal.stale ? 'warning' : 'error'}
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={refusal.message}
          description={
            refusal.stale
              ? 'Đã tải bản mới nhất của bảng tiêu chí. Những gì bạn đã nhập vẫn còn; xem lại xếp hạng rồi bấm “Công bố” lần nữa.'
              : undefined
          }
        />
      )}
      {meeting.isError && <Alert type="error" showIcon title={describeError(meeting.error)} />}
      <Typography.Paragraph type="secondary">
        Biên bản của hội nghị khối, cụm được lưu cùng kết quả khi công bố.
      </Typography.Paragraph>
      <MeetingFields
        rows={ranking.rows}
        quotas={meeting.data?.quotas ?? []}
        value={draft}
        onChange={setDraft}
      />
      <Divider style={{ marginBlock: 12 }} />
      <Input.TextArea
        aria-label="Ghi chú của hội nghị khối, cụm"
        placeholder="Ghi chú của hội nghị khối, cụm (không bắt buộc)"
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={4000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      <Button type="primary" size="large" disabled={!allFinal} onClick={publish}>
        Công bố kết quả xếp hạng
      </Button>
    </Card>
  );
}
