import { DatePicker, Flex, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { toIsoDate } from '../../lib/format.ts';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';

/** The form values of a decision's fields as the API takes them (legal basis one per line). */
export function decisionBody(values: Record<string, unknown>) {
  return {
    ...values,
    decisionDate: toIsoDate(values.decisionDate as Dayjs),
    legalBasis: String(values.legalBasis ?? '')
      .split('\n')
      .map((line: string) => line.trim())
      .filter(Boolean),
  };
}

/** The fields of a draft decision: issuing unit, date, summary, authority, signer, legal basis. */
export function DecisionFields() {
  return (
    <>
      <Form.Item
        name="unitId"
        label="Đơn vị ban hành"
        rules={[{ required: true, message: 'Chọn đơn vị ban hành' }]}
      >
        <UnitSelect />
      </Form.Item>
      <Form.Item name="decisionDate" label="Ngày ký" rules={[{ required: true, message: 'Chọn ngày ký' }]}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item
        name="title"
        label="Trích yếu"
        rules={[{ required: true, min: 5, message: 'Nhập trích yếu' }]}
      >
        <Input placeholder="Về việc tặng Bằng khen của Chủ tịch UBND tỉnh" maxLength={500} />
      </Form.Item>
      <Form.Item
        name="authority"
        label="Thẩm quyền ban hành"
        rules={[{ required: true, message: 'Nhập thẩm quyền' }]}
      >
        <Input placeholder="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" maxLength={300} />
      </Form.Item>
      <Form.Item
        name="decider"
        label="Người quyết định (ghi vào hồ sơ khen thưởng)"
        rules={[{ required: true, message: 'Nhập người quyết định' }]}
      >
        <Input placeholder="Chủ tịch UBND tỉnh Lai Châu" maxLength={300} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item
          name="signerTitle"
          label="Chức vụ người ký"
          style={{ flex: 1 }}
          rules={[{ required: true, message: 'Nhập chức vụ' }]}
        >
          <Input.TextArea autoSize placeholder={'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH'} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="signerName"
          label="Họ tên người ký"
          style={{ flex: 1 }}
          rules={[{ required: true, message: 'Nhập họ tên' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="place" label="Địa danh" style={{ flex: 1 }}>
          <Input placeholder="Lai Châu" maxLength={100} />
        </Form.Item>
      </Flex>
      <Form.Item name="legalBasis" label="Căn cứ (mỗi dòng một căn cứ)">
        <Input.TextArea
          autoSize={{ minRows: 3 }}
          placeholder="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
        />
      </Form.Item>
    </>
  );
}
