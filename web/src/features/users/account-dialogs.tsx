import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, List, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { Account, type CreateAccountBody } from '../../../../contracts/accounts.ts';
import type { Role } from '../../../../contracts/auth.ts';
import { isApiError } from '../../lib/api-client.ts';
import { applyFieldErrors } from '../../lib/form.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { describeError } from '../../lib/notify.ts';
import { describeGrant, useSession } from '../auth/index.ts';
import { grantableRoles, roleOptions } from './account-roles.ts';
import {
  useCreateAccount,
  useGrantRole,
  useIssueOneTimePassword,
  useLinkPerson,
  useRevokeRole,
} from './accounts.api.ts';
import { GrantableUnitSelect, LinkablePersonSelect } from './pickers.tsx';

/** The account as it now stands, from a 409 VERSION_CONFLICT reply (so the next try uses its version). */
export function freshAccount(error: unknown): Account | null {
  if (!isApiError(error, 'VERSION_CONFLICT')) return null;
  const parsed = Account.safeParse(error.conflict?.current);
  return parsed.success ? parsed.data : null;
}

/** The error of a dialog's last request, in Vietnamese, above its buttons. */
function DialogError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={describeError(error)} />
  );
}

/** A one-time password shown once, large, with a copy button. */
export function OneTimePasswordModal({
  issued,
  onClose,
}: {
  issued: { username: string; fullName: string; password: string } | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.password);
      message.success('Đã sao chép mật khẩu.');
    } catch {
      message.info('Trình duyệt không cho sao chép tự động; hãy bôi đen mật khẩu rồi sao chép.');
    }
  };
  return (
    <Modal
      open={Boolean(issued)}
      title="Mật khẩu dùng một lần"
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          Tôi đã ghi lại mật khẩu
        </Button>
      }
      maskClosable={false}
      destroyOnHidden
    >
      {issued && (
        <>
          <Typography.Paragraph>
            Tài khoản <strong>{issued.username}</strong> ({issued.fullName}) đăng nhập lần đầu bằng mật khẩu:
          </Typography.Paragraph>
          <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
            <Typography.Text
              code
              data-testid="one-time-password"
              style={{ fontSize: 24, letterSpacing: 2, userSelect: 'all' }}
            >
              {issued.password}
            </Typography.Text>
            <Button icon={<CopyOutlined aria-hidden />} onClick={copy}>
              Sao chép
            </Button>
          </Flex>
          <Alert
            type="warning"
            showIcon
            title="Mật khẩu chỉ hiện một lần này."
            description="Hãy trao trực tiếp cho người dùng. Khi đăng nhập lần đầu, họ phải đổi sang mật khẩu của riêng mình."
          />
        </>
      )}
    </Modal>
  );
}

interface CreateValues {
  username: string;
  fullName: string;
  email?: string;
  role: Role;
  unitId?: string;
  personId?: string;
}

/** Creates an account, then issues its one-time password and hands it to `onIssued` to show once. */
export function CreateAccountModal({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (issued: { username: string; fullName: string; password: string }) => void;
}) {
  const { user } = useSession();
  const [form] = Form.useForm<CreateValues>();
  const idempotency = useIdempotencyKey();
  const create = useCreateAccount();
  const issue = useIssueOneTimePassword();
  const role = Form.useWatch('role', form);
  const roles = grantableRoles(user);
  const isPending = create.isPending || issue.isPending;

  const submit = async (values: CreateValues) => {
    if (isPending) return;
    const body: CreateAccountBody = {
      username: values.username,
      fullName: values.fullName,
      email: values.email?.trim() ? values.email.trim() : null,
      role: values.role,
      unitId: values.role === 'admin' ? null : (values.unitId ?? null),
      personId: values.personId ?? null,
    };
    try {
      const account = await create.mutateAsync({ body, idempotencyKey: idempotency.key });
      const issued = await issue.mutateAsync({ id: account.id, version: account.version });
      idempotency.renew();
      form.resetFields();
      onClose();
      onIssued({ username: account.username, fullName: account.fullName, password: issued.oneTimePassword });
    } catch (error) {
      applyFieldErrors(form, error);
    }
  };

  return (
    <Modal
      open={open}
      title="Tạo tài khoản"
      onCancel={onClose}
      okText="Tạo tài khoản"
      cancelText="Huỷ"
      onOk={() => form.submit()}
      okButtonProps={{ loading: isPending, disabled: isPending }}
      destroyOnHidden
      width={560}
    >
      <DialogError error={create.error ?? issue.error} />
      {create.isSuccess && issue.isError && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Đã tạo tài khoản nhưng chưa cấp được mật khẩu. Hãy bấm “Cấp mật khẩu” ở dòng của tài khoản."
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} disabled={isPending}>
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          extra="Chữ thường không dấu, số, dấu chấm hoặc gạch; ví dụ: lo.thi.huong"
          rules={[{ required: true, message: 'Vui lòng nhập tên đăng nhập' }]}
        >
          <Input maxLength={63} showCount autoCapitalize="none" spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }]}
        >
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item label="Thư điện tử (không bắt buộc)" name="email">
          <Input maxLength={254} type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <Select options={roleOptions(roles)} placeholder="Chọn vai trò" />
        </Form.Item>
        {role !== 'admin' && (
          <Form.Item
            label="Đơn vị áp dụng vai trò"
            name="unitId"
            extra="Vai trò có hiệu lực trên đơn vị này và các đơn vị trực thuộc."
            rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}
          >
            <GrantableUnitSelect />
          </Form.Item>
        )}
        <Form.Item label="Cán bộ sở hữu tài khoản (không bắt buộc)" name="personId">
          <LinkablePersonSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The roles of an account: each with "Thu hồi", and a row to grant one more. */
export function GrantsModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { user } = useSession();
  const [form] = Form.useForm<{ role: Role; unitId?: string }>();
  const [version, setVersion] = useState<number | null>(null);
  const grant = useGrantRole();
  const revoke = useRevokeRole();
  const [shown, setShown] = useState<Account | null>(null);
  const current = shown && shown.id === account?.id ? shown : account;
  const role = Form.useWatch('role', form);
  if (!current) return null;
  const atVersion = version ?? current.version;

  const onError = (error: unknown) => {
    const fresh = freshAccount(error);
    if (fresh) {
      setShown(fresh);
      setVersion(fresh.version);
    }
    applyFieldErrors(form, error);
  };
  const done = (next: Account) => {
    setShown(next);
    setVersion(next.version);
  };

  return (
    <Modal
      open={Boolean(account)}
      title={`Phân quyền: ${current.fullName} (${current.username})`}
      onCancel={() => {
        setShown(null);
        setVersion(null);
        onClose();
      }}
      footer={null}
      destroyOnHidden
      width={640}
    >
      <DialogError error={grant.error ?? revoke.error} />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        Vai trò hiện có
      </Typography.Title>
      <List
        bordered
        dataSource={current.grants}
        locale={{ emptyText: 'Tài khoản chưa có vai trò nào.' }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button
                key="revoke"
                danger
                icon={<DeleteOutlined aria-hidden />}
                loading={revoke.isPending}
                disabled={revoke.isPending || grant.isPending}
                onClick={() =>
                  revoke.mutate(
                    { id: current.id, body: { role: item.role, unitId: item.unitId, version: atVersion } },
                    { onSuccess: done, onError },
                  )
                }
                aria-label={`Thu hồi ${describeGrant(item)}`}
              >
                Thu hồi
              </Button>,
            ]}
          >
            {describeGrant(item)}
          </List.Item>
        )}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        Cấp thêm vai trò
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        disabled={grant.isPending || revoke.isPending}
        onFinish={(values) =>
          grant.mutate(
            {
              id: current.id,
              body: {
                role: values.role,
                unitId: values.role === 'admin' ? null : (values.unitId ?? null),
                version: atVersion,
              },
            },
            {
              onSuccess: (next) => {
                done(next);
                form.resetFields();
              },
              onError,
            },
          )
        }
      >
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <Select options={roleOptions(grantableRoles(user))} placeholder="Chọn vai trò" />
        </Form.Item>
        {role !== 'admin' && (
          <Form.Item
            label="Đơn vị"
            name="unitId"
            rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}
          >
            <GrantableUnitSelect />
          </Form.Item>
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined aria-hidden />}
          loading={grant.isPending}
          disabled={grant.isPending}
        >
          Cấp vai trò
        </Button>
      </Form>
    </Modal>
  );
}

/** Links the account to a person (cán bộ), or removes the link. */
export function LinkPersonModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const [form] = Form.useForm<{ personId?: string }>();
  const link = useLinkPerson();
  const [version, setVersion] = useState<number | null>(null);
  if (!account) return null;
  const close = () => {
    setVersion(null);
    link.reset();
    onClose();
  };
  const send = (personId: string | null) =>
    link.mutate(
      { id: account.id, body: { personId, version: version ?? account.version } },
      {
        onSuccess: close,
        onError: (error) => {
          const fresh = freshAccount(error);
          if (fresh) setVersion(fresh.version);
          applyFieldErrors(form, error);
        },
      },
    );
  return (
    <Modal
      open
      title={`Gắn cán bộ: ${account.fullName} (${account.username})`}
      onCancel={close}
      okText="Gắn cán bộ"
      cancelText="Huỷ"
      onOk={() => form.submit()}
      okButtonProps={{ loading: link.isPending, disabled: link.isPending }}
      destroyOnHidden
    >
      <DialogError error={link.error} />
      <Typography.Paragraph>
        {account.person
          ? `Đang gắn với: ${account.person.fullName} – ${account.person.unitName}.`
          : 'Tài khoản chưa gắn với cán bộ nào.'}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        disabled={link.isPending}
        onFinish={(values) => send(values.personId ?? null)}
      >
        <Form.Item
          label="Cán bộ"
          name="personId"
          rules={[{ required: true, message: 'Vui lòng chọn cán bộ' }]}
        >
          <LinkablePersonSelect />
        </Form.Item>
      </Form>
      {account.person && (
        <Button danger disabled={link.isPending} onClick={() => send(null)}>
          Bỏ gắn cán bộ hiện tại
        </Button>
      )}
    </Modal>
  );
}
