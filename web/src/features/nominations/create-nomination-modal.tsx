import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { awardCatalogue } from '../../../../contracts/award-catalogue.ts';
import type { AwardCode } from '../../../../contracts/awards.ts';
import { CreateNominationBody, Nomination, type NomineeInput } from '../../../../contracts/nominees.ts';
import { api } from '../../lib/api-client.ts';
import { applyFieldErrors } from '../../lib/form.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { fieldLimitProps } from '../../lib/limits.ts';
import { describeError } from '../../lib/notify.ts';
import { useRounds } from './nominations.api.ts';

/** A candidate picked on the candidates page. */
export interface PickedCandidate {
  subject: 'individual' | 'collective' | 'household';
  id: string;
  name: string;
}

interface CreateNominationModalProps {
  unitId: string;
  award: AwardCode;
  year: number;
  candidates: PickedCandidate[];
  onClose: () => void;
}

/** "Lập tờ trình" from picked candidates: choose the round and a title; then the tờ trình opens. */
export function CreateNominationModal({
  unitId,
  award,
  year,
  candidates,
  onClose,
}: CreateNominationModalProps) {
  const navigate = useNavigate();
  const [form] = Form.useForm<{ roundId: string; title: string }>();
  const { key: idempotencyKey } = useIdempotencyKey();
  const isSaving = useRef(false);
  const rounds = useRounds({ limit: 100 });
  const open = (rounds.data?.items ?? []).filter((round) => round.actions.includes('nominate'));
  const entry = awardCatalogue[award];
  const rewardType = entry.rewardTypes.includes('thuong_xuyen')
    ? 'thuong_xuyen'
    : (entry.rewardTypes[0] ?? 'thuong_xuyen');
  const create = useMutation({
    mutationFn: (body: CreateNominationBody) =>
      api.create('/api/nominations', body, { schema: Nomination, idempotencyKey }),
    meta: { silentError: true },
  });

  const submit = async (values: { roundId: string; title: string }) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      const nominees: NomineeInput[] = candidates.map((candidate) => ({
        subject: candidate.subject,
        personId: candidate.subject === 'individual' ? candidate.id : null,
        unitId: candidate.subject === 'collective' ? candidate.id : null,
        householdName: candidate.subject === 'household' ? candidate.name : null,
        awardCode: award,
        rewardType,
        periodFrom: year,
        periodTo: year,
        achievements: '',
      }));
      const nomination = await create.mutateAsync({ ...values, proposingUnitId: unitId, nominees });
      navigate(`/khen-thuong/to-trinh/${nomination.id}`);
    } catch (error) {
      applyFieldErrors(form, error);
    } finally {
      isSaving.current = false;
    }
  };

  return (
    <Modal
      open
      title="Lập tờ trình đề nghị khen thưởng"
      okText="Lập tờ trình"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Đề nghị tặng <strong>{entry.name}</strong> năm {year} cho {candidates.length} đối tượng:{' '}
        {candidates.map((candidate) => candidate.name).join(', ')}.
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: `Tờ trình đề nghị tặng ${entry.name} năm ${year}` }}
      >
        <Form.Item
          name="roundId"
          label="Đợt khen thưởng"
          rules={[{ required: true, message: 'Vui lòng chọn đợt' }]}
        >
          <Select
            size="large"
            loading={rounds.isLoading}
            options={open.map((round) => ({
              value: round.id,
              label: `${round.title} — ${round.receivingUnit.name}`,
            }))}
            notFoundContent="Chưa có đợt khen thưởng nào nhận tờ trình của đơn vị"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên tờ trình"
          rules={[{ required: true, message: 'Vui lòng nhập tên' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} {...fieldLimitProps(CreateNominationBody, 'title')} />
        </Form.Item>
        {create.isError && <Alert type="error" showIcon title={describeError(create.error)} />}
      </Form>
    </Modal>
  );
}
