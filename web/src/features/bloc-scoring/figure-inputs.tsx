import { Flex, InputNumber, Radio, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CriterionKind, Figures } from '../../../../contracts/bloc-scoring.ts';

/** A box with its label above it. */
function Labeled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {children}
    </Flex>
  );
}

/** The boxes a leaf asks for by its kind: the actual figure, met or not, a count, bonus and penalty counts. */
export function FigureInputs({
  kind,
  value,
  onChange,
  disabled,
}: {
  kind: CriterionKind;
  value: Figures;
  onChange: (value: Figures) => void;
  disabled: boolean;
}) {
  const set = (patch: Figures) => onChange({ ...value, ...patch });
  if (kind === 'quantitative')
    return (
      <Labeled label="Kết quả thực hiện">
        <InputNumber
          aria-label="Kết quả thực hiện"
          min={0}
          size="large"
          disabled={disabled}
          value={value.actual ?? null}
          onChange={(actual) => set({ actual })}
        />
      </Labeled>
    );
  if (kind === 'qualitative')
    return (
      <Radio.Group
        aria-label="Đánh giá"
        size="large"
        disabled={disabled}
        value={value.met ?? null}
        onChange={(event) => set({ met: event.target.value })}
        options={[
          { value: true, label: 'Đạt' },
          { value: false, label: 'Không đạt' },
        ]}
        optionType="button"
      />
    );
  if (kind === 'fixed')
    return (
      <Labeled label="Số trường hợp">
        <InputNumber
          aria-label="Số trường hợp"
          min={0}
          precision={0}
          size="large"
          disabled={disabled}
          value={value.count ?? null}
          onChange={(count) => set({ count })}
        />
      </Labeled>
    );
  return (
    <Flex gap={8} wrap>
      <Labeled label="Cộng điểm">
        <InputNumber
          aria-label="Số trường hợp cộng điểm"
          min={0}
          precision={0}
          size="large"
          disabled={disabled}
          value={value.bonusCount ?? null}
          onChange={(bonusCount) => set({ bonusCount })}
        />
      </Labeled>
      <Labeled label="Trừ điểm">
        <InputNumber
          aria-label="Số vi phạm trừ điểm"
          min={0}
          precision={0}
          size="large"
          disabled={disabled}
          value={value.penaltyCount ?? null}
          onChange={(penaltyCount) => set({ penaltyCount })}
        />
      </Labeled>
    </Flex>
  );
}
