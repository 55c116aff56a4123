import { LockOutlined, LogoutOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { ChangePasswordBody, PASSWORD_MIN } from '../../../../contracts/auth.ts';
import { PageHeader } from '../../components/index.ts';
import { applyFieldErrors, zodRule } from '../../lib/form.ts';
import { describeError, showSuccess } from '../../lib/notify.ts';
import styles from './login-page.module.css';
import { useChangePassword, useLogout, useSession } from './session.api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The three password fields and the button; `onDone` runs once the new password is saved. */
function ChangePasswordForm({ isFirstTime, onDone }: { isFirstTime: boolean; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  // Set synchronously, so a double click cannot send the form twice before React re-renders.
  const isSubmitting = useRef(false);

  const submit = (values: Values) => {
    if (isSubmitting.current) return;
    isSubmitting.current = true;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          showSuccess('Đã đổi mật khẩu. Lần đăng nhập sau hãy dùng mật khẩu mới.');
          onDone();
        },
        onError: (error) => applyFieldErrors(form, error),
        onSettled: () => {
          isSubmitting.current = false;
        },
      },
    );
  };

  return (
    <>
      {change.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={describeError(change.error)}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        size="large"
        onFinish={submit}
        disabled={change.isPending}
        requiredMark={false}
      >
        <Form.Item
          label={isFirstTime ? 'Mật khẩu được cấp' : 'Mật khẩu hiện tại'}
          name="currentPassword"
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại' }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            autoFocus
            maxLength={256}
          />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          extra={`Ít nhất ${PASSWORD_MIN} ký tự, khác mật khẩu cũ, không chứa tên đăng nhập.`}
          rules={[zodRule(ChangePasswordBody.shape.newPassword)]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Vui lòng nhập lại mật khẩu mới' },
            ({ getFieldValue }) => ({
              validator: async (_rule, value) => {
                if (value && value !== getFieldValue('newPassword')) {
                  throw new Error('Hai lần nhập mật khẩu mới chưa giống nhau');
                }
              },
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending} disabled={change.isPending}>
          Đổi mật khẩu
        </Button>
      </Form>
    </>
  );
}

/**
 * Shown instead of every page while the user holds a one-time password: nothing else works until
 * they choose their own (the server refuses other calls with PASSWORD_CHANGE_REQUIRED).
 */
export function ForcedPasswordChange() {
  const { user } = useSession();
  const logout = useLogout();
  useEffect(() => {
    document.title = 'Đổi mật khẩu – TĐKT';
  }, []);
  return (
    <main className={styles.page}>
      <Card className={styles.card} variant="borderless">
        <div className={styles.brand}>
          <span className={styles.emblem} aria-hidden="true">
            <TrophyOutlined />
          </span>
        </div>
        <Typography.Title level={1} className={styles.heading}>
          Đổi mật khẩu
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          className={styles.alert}
          title={`Xin chào ${user?.fullName ?? ''}. Hãy đặt mật khẩu của riêng bạn thay cho mật khẩu được cấp một lần.`}
        />
        <ChangePasswordForm isFirstTime onDone={() => undefined} />
        <Button
          type="link"
          block
          icon={<LogoutOutlined aria-hidden />}
          onClick={() => logout.mutate()}
          loading={logout.isPending}
          style={{ marginTop: 8 }}
        >
          Đăng xuất
        </Button>
      </Card>
    </main>
  );
}

/** "Đổi mật khẩu" from the header's menu. */
export function ChangePasswordPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Đổi mật khẩu"
        description="Sau khi đổi, các phiên đăng nhập khác của bạn sẽ kết thúc."
      />
      <Card style={{ maxWidth: 520 }}>
        <ChangePasswordForm isFirstTime={false} onDone={() => navigate('/')} />
      </Card>
    </>
  );
}
