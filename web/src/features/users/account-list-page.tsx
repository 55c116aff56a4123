import {
  KeyOutlined,
  LinkOutlined,
  LockOutlined,
  SafetyOutlined,
  UnlockOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Account } from '../../../../contracts/accounts.ts';
import { readCursorPosition, writeCursorPosition } from '../../components/cursor-pager.tsx';
import { CursorPager, type CursorPosition, LoadFailedResult, PageHeader } from '../../components/index.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { describeGrant } from '../auth/index.ts';
import {
  CreateAccountModal,
  freshAccount,
  GrantsModal,
  LinkPersonModal,
  OneTimePasswordModal,
} from './account-dialogs.tsx';
import { useAccounts, useIssueOneTimePassword, useSetAccountActive } from './accounts.api.ts';

type Issued = { username: string; fullName: string; password: string };

/** The state of an account as a coloured tag. */
function StatusTag({ account }: { account: Account }) {
  if (!account.isActive) return <Tag color="red">Đã khoá</Tag>;
  if (account.mustChangePassword) return <Tag color="orange">Chờ đổi mật khẩu</Tag>;
  return <Tag color="green">Đang hoạt động</Tag>;
}

/**
 * "Tài khoản": the accounts an administrator (all) or a TĐKT officer (their subtree) manages, with
 * dialogs to create, grant and revoke roles, link a person, disable and issue a one-time password.
 */
export function AccountListPage() {
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const position = readCursorPosition(params);
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [exactTotal, setExactTotal] = useState(false);
  const accounts = useAccounts({ ...position, q: q || undefined, exactTotal });
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<Account | null>(null);
  const [linking, setLinking] = useState<Account | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const setActive = useSetAccountActive();
  const issue = useIssueOneTimePassword();

  useEffect(() => {
    document.title = 'Tài khoản – TĐKT';
  }, []);

  const move = (next: CursorPosition) => setParams(writeCursorPosition(params, next));
  const search = (value: string) => {
    const next = writeCursorPosition(params, { limit: position.limit });
    if (value.trim()) next.set('q', value.trim());
    else next.delete('q');
    setParams(next);
  };

  /** Runs an account change; a stale version is retried once on the fresh one the server sent. */
  const withFreshVersion = async <T,>(account: Account, run: (version: number) => Promise<T>) => {
    try {
      return await run(account.version);
    } catch (error) {
      const fresh = freshAccount(error);
      if (fresh) return run(fresh.version);
      throw error;
    }
  };

  const toggleActive = (account: Account) => {
    const disabling = account.isActive;
    modal.confirm({
      title: disabling ? `Khoá tài khoản ${account.username}?` : `Mở khoá tài khoản ${account.username}?`,
      content: disabling
        ? `${account.fullName} sẽ bị đăng xuất ngay và không đăng nhập được cho đến khi được mở khoá.`
        : `${account.fullName} đăng nhập lại được bằng mật khẩu của mình.`,
      okText: disabling ? 'Khoá tài khoản' : 'Mở khoá',
      okButtonProps: { danger: disabling },
      cancelText: 'Huỷ',
      onOk: async () => {
        try {
          await withFreshVersion(account, (version) =>
            setActive.mutateAsync({ id: account.id, body: { isActive: !disabling, version } }),
          );
          showSuccess(disabling ? 'Đã khoá tài khoản.' : 'Đã mở khoá tài khoản.');
        } catch (error) {
          showError(error);
        }
      },
    });
  };

  const resetPassword = (account: Account) => {
    modal.confirm({
      title: `Cấp mật khẩu một lần cho ${account.username}?`,
      content:
        'Mật khẩu hiện tại của tài khoản sẽ không dùng được nữa và người dùng bị đăng xuất. Họ đăng nhập bằng mật khẩu mới rồi phải đổi ngay.',
      okText: 'Cấp mật khẩu',
      cancelText: 'Huỷ',
      onOk: async () => {
        try {
          const reply = await withFreshVersion(account, (version) =>
            issue.mutateAsync({ id: account.id, version }),
          );
          setIssued({
            username: account.username,
            fullName: account.fullName,
            password: reply.oneTimePassword,
          });
        } catch (error) {
          showError(error);
        }
      },
    });
  };

  const columns: ColumnsType<Account> = [
    {
      title: 'Tài khoản',
      key: 'account',
      fixed: 'left',
      width: 220,
      render: (_, account) => (
        <Flex vertical gap={2} align="flex-start">
          <Typography.Text strong>{account.fullName}</Typography.Text>
          <Typography.Text type="secondary">{account.username}</Typography.Text>
          <StatusTag account={account} />
        </Flex>
      ),
    },
    {
      title: 'Vai trò và đơn vị',
      key: 'grants',
      render: (_, account) =>
        account.grants.length ? (
          <Flex vertical gap={2}>
            {account.grants.map((grant) => (
              <span key={`${grant.role}-${grant.unitId ?? ''}`}>{describeGrant(grant)}</span>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">Chưa có vai trò</Typography.Text>
        ),
    },
    {
      title: 'Cán bộ',
      key: 'person',
      width: 190,
      render: (_, account) =>
        account.person ? (
          <span>
            {account.person.fullName}
            <br />
            <Typography.Text type="secondary">{account.person.unitName}</Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">Chưa gắn</Typography.Text>
        ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 300,
      render: (_, account) =>
        account.canManage ? (
          <Space size={[6, 6]} wrap>
            <Button size="small" icon={<SafetyOutlined aria-hidden />} onClick={() => setGranting(account)}>
              Phân quyền
            </Button>
            <Button size="small" icon={<LinkOutlined aria-hidden />} onClick={() => setLinking(account)}>
              Gắn cán bộ
            </Button>
            <Button size="small" icon={<KeyOutlined aria-hidden />} onClick={() => resetPassword(account)}>
              Cấp mật khẩu
            </Button>
            <Button
              size="small"
              danger={account.isActive}
              icon={account.isActive ? <LockOutlined aria-hidden /> : <UnlockOutlined aria-hidden />}
              onClick={() => toggleActive(account)}
            >
              {account.isActive ? 'Khoá' : 'Mở khoá'}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">Ngoài quyền quản lý của bạn</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Tài khoản"
        description="Tạo tài khoản, phân quyền theo đơn vị, gắn với cán bộ, khoá và cấp mật khẩu dùng một lần."
        extra={
          <Button
            type="primary"
            size="large"
            icon={<UserAddOutlined aria-hidden />}
            onClick={() => setCreating(true)}
          >
            Tạo tài khoản
          </Button>
        }
      />
      <Card>
        <Input.Search
          aria-label="Tìm tài khoản"
          placeholder="Tìm theo tên đăng nhập hoặc họ tên (gõ không dấu cũng được)"
          allowClear
          enterButton="Tìm"
          value={text}
          maxLength={100}
          onChange={(event) => setText(event.target.value)}
          onSearch={search}
          style={{ maxWidth: 520, marginBottom: 16 }}
        />
        {accounts.isError && !accounts.data ? (
          <LoadFailedResult message={describeError(accounts.error)} onRetry={() => void accounts.refetch()} />
        ) : (
          <>
            <Table<Account>
              rowKey="id"
              columns={columns}
              dataSource={accounts.data?.items ?? []}
              loading={accounts.isFetching}
              pagination={false}
              scroll={{ x: 960 }}
              locale={{ emptyText: q ? 'Không tìm thấy tài khoản phù hợp.' : 'Chưa có tài khoản nào.' }}
            />
            <CursorPager
              page={accounts.data}
              position={position}
              onChange={move}
              noun="tài khoản"
              onExactTotal={() => setExactTotal(true)}
              isLoading={accounts.isFetching}
            />
          </>
        )}
      </Card>
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} onIssued={setIssued} />
      <GrantsModal account={granting} onClose={() => setGranting(null)} />
      <LinkPersonModal account={linking} onClose={() => setLinking(null)} />
      <OneTimePasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
