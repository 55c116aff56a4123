import { LockOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { LoginBody } from '../../../../contracts/auth.ts';
import { ApiError } from '../../lib/api-client.ts';
import { applyFieldErrors, zodRule } from '../../lib/form.ts';
import styles from './login-page.module.css';
import { safeNextPath } from './roles.ts';
import { useLogin, useSession } from './session.api.ts';

/** Product name as it appears on the login screen. */
export const PRODUCT_NAME = 'TĐKT — Hệ thống quản lý Thi đua, Khen thưởng';

/** The sign-in screen; after signing in the user goes to the page they wanted (`?next=`), else home. */
export function LoginPage() {
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const session = useSession();
  const login = useLogin();
  const [form] = Form.useForm<LoginBody>();
  // Set synchronously, so a double click cannot send the form twice before React re-renders.
  const isSubmitting = useRef(false);

  useEffect(() => {
    document.title = 'Đăng nhập – TĐKT';
  }, []);

  if (session.user) return <Navigate to={next} replace />;

  const submit = (values: LoginBody) => {
    if (isSubmitting.current) return;
    isSubmitting.current = true;
    login.mutate(values, {
      onError: (error) => applyFieldErrors(form, error),
      onSettled: () => {
        isSubmitting.current = false;
      },
    });
  };
  const error = login.error instanceof ApiError ? login.error : null;

  return (
    <main className={styles.page}>
      <Card className={styles.card} variant="borderless">
        <div className={styles.brand}>
          <span className={styles.emblem} aria-hidden="true">
            <TrophyOutlined />
          </span>
          <Typography.Title level={1} className={styles.title}>
            {PRODUCT_NAME}
          </Typography.Title>
        </div>
        <Typography.Title level={2} className={styles.heading}>
          Đăng nhập
        </Typography.Title>
        {error && (
          <Alert
            className={styles.alert}
            type="error"
            showIcon
            role="alert"
            title={error.message}
            description={
              error.requestId && error.status >= 500 ? `Mã yêu cầu: ${error.requestId}` : undefined
            }
          />
        )}
        {session.isPending ? (
          <Spin />
        ) : (
          <Form
            form={form}
            layout="vertical"
            size="large"
            onFinish={submit}
            requiredMark={false}
            disabled={login.isPending}
          >
            <Form.Item label="Tên đăng nhập" name="username" rules={[zodRule(LoginBody.shape.username)]}>
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                autoCapitalize="none"
                spellCheck={false}
              />
            </Form.Item>
            <Form.Item label="Mật khẩu" name="password" rules={[zodRule(LoginBody.shape.password)]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={login.isPending}
              disabled={login.isPending}
            >
              Đăng nhập
            </Button>
          </Form>
        )}
        <Typography.Paragraph type="secondary" className={styles.help}>
          Quên mật khẩu hoặc chưa có tài khoản? Vui lòng liên hệ quản trị viên của đơn vị.
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
