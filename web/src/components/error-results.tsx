import { HomeOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Result, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';

function HomeButton() {
  const navigate = useNavigate();
  return (
    <Button type="primary" size="large" icon={<HomeOutlined aria-hidden />} onClick={() => navigate('/')}>
      Về trang chủ
    </Button>
  );
}

function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – TĐKT`;
  }, [title]);
}

/** Shown when a signed-in user opens a page their roles do not allow. */
export function ForbiddenResult() {
  usePageTitle('Không có quyền truy cập');
  return (
    <Result
      status="403"
      title="Bạn không có quyền truy cập trang này"
      subTitle="Nếu bạn cần dùng chức năng này, vui lòng liên hệ quản trị viên để được phân quyền."
      extra={<HomeButton />}
    />
  );
}

/** Shown for an address that matches no page. */
export function NotFoundResult() {
  usePageTitle('Không tìm thấy trang');
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ bạn mở không tồn tại hoặc đã được thay đổi."
      extra={<HomeButton />}
    />
  );
}

/** Shown when a page failed to draw; reloading usually fixes it (e.g. after an update of the app). */
export function CrashResult({ detail }: { detail?: string }) {
  return (
    <Result
      status="error"
      title="Đã có lỗi hiển thị trang"
      subTitle="Vui lòng tải lại trang. Nếu lỗi vẫn còn, hãy báo quản trị viên kèm thời điểm xảy ra lỗi."
      extra={[
        <Button
          key="reload"
          type="primary"
          size="large"
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => window.location.reload()}
        >
          Tải lại trang
        </Button>,
        <Button key="home" size="large" icon={<HomeOutlined aria-hidden />} href="/">
          Về trang chủ
        </Button>,
      ]}
    >
      {detail && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 0 }}>
          Chi tiết kỹ thuật: {detail}
        </Typography.Paragraph>
      )}
    </Result>
  );
}

/** A full-area message for a list or page whose data could not be loaded, with a retry button. */
export function LoadFailedResult({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Result
      status="warning"
      title="Chưa tải được dữ liệu"
      subTitle={message}
      extra={
        <Button type="primary" size="large" icon={<ReloadOutlined aria-hidden />} onClick={onRetry}>
          Thử lại
        </Button>
      }
    />
  );
}
