import { Flex, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../../contracts/auth.ts';
import { ForbiddenResult, LoadFailedResult } from '../components/index.ts';
import { ForcedPasswordChange, useSession } from '../features/auth/index.ts';
import { describeError } from '../lib/notify.ts';
import { canSee } from './navigation.tsx';

/** A centred spinner filling the screen while the session or a page's code loads. */
export function FullScreenSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description="Đang tải…" />
    </Flex>
  );
}

/**
 * Lets signed-in users through; others go to the login page, which brings them back here afterwards.
 * A user holding a one-time password first changes it, then lands on the page they asked for.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <FullScreenSpin />;
  if (session.isError && !session.data) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <LoadFailedResult message={describeError(session.error)} onRetry={() => void session.refetch()} />
      </Flex>
    );
  }
  if (!session.user) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/dang-nhap' : `/dang-nhap?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  // A one-time password: nothing else opens until the user has chosen their own (the server agrees).
  if (session.user.mustChangePassword) return <ForcedPasswordChange />;
  return <Outlet />;
}

/** Lets through users holding the role (or one of the roles); others see the 403 page inside the layout. */
export function RequireRole({ allowed }: { allowed: Role | Role[] }) {
  const { user } = useSession();
  return canSee({ requiredRole: allowed }, user) ? <Outlet /> : <ForbiddenResult />;
}
