import { Card, Col, Descriptions, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/index.ts';
import { describeGrant, grantScope, roleLabel, useSession } from '../auth/index.ts';
import { useHealth } from './health.api.ts';

const engineLabels = { pglite: 'PGlite (nhúng, không cần cài đặt)', postgres: 'PostgreSQL' } as const;

/** Home page: a greeting, what the user is allowed to do, and the running version. */
export function HomePage() {
  const { user } = useSession();
  const health = useHealth();
  if (!user) return null;

  return (
    <>
      <PageHeader title="Tổng quan" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Typography.Title level={2} style={{ marginTop: 0, fontSize: 26 }}>
              Xin chào, {user.fullName}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              Tên đăng nhập: <Typography.Text strong>{user.username}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Title level={3} style={{ fontSize: 17 }}>
              Quyền của bạn
            </Typography.Title>
            <List
              bordered
              dataSource={user.grants}
              locale={{ emptyText: 'Tài khoản chưa được phân quyền. Vui lòng liên hệ quản trị viên.' }}
              renderItem={(grant) => (
                <List.Item key={describeGrant(grant)}>
                  <Space wrap size={8}>
                    <Tag color="blue" style={{ fontSize: 14, padding: '2px 8px' }}>
                      {roleLabel(grant)}
                    </Tag>
                    <span>{grantScope(grant)}</span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="Thông tin hệ thống">
            {health.isPending ? (
              <Skeleton active paragraph={{ rows: 2 }} title={false} />
            ) : health.data ? (
              <Descriptions
                column={1}
                items={[
                  { key: 'version', label: 'Phiên bản', children: health.data.version },
                  { key: 'db', label: 'Cơ sở dữ liệu', children: engineLabels[health.data.db] },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">Chưa lấy được thông tin phiên bản.</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
