import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { installSessionErrorHandling } from '../features/auth/index.ts';
import { setMessageApi } from '../lib/notify.ts';
import { createQueryClient } from './query-client.ts';
import { theme } from './theme.ts';

/** Hands antd's context-aware message API to the code outside React that reports errors. */
function MessageBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(null);
  }, [message]);
  return null;
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the user asked the system for less motion (dialogs and menus then appear at once). */
function useReducedMotion() {
  const [reduced, setReduced] = useState(() => window.matchMedia?.(REDUCED_MOTION).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(REDUCED_MOTION);
    if (!query) return;
    const follow = () => setReduced(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return reduced;
}

/** Everything the pages rely on: Vietnamese antd, the theme, messages and the query cache. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useEffect(() => installSessionErrorHandling(queryClient), [queryClient]);
  const reducedMotion = useReducedMotion();
  const shownTheme = useMemo(
    () => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme),
    [reducedMotion],
  );

  return (
    <ConfigProvider locale={viVN} theme={shownTheme}>
      <AntApp message={{ maxCount: 3, top: 72 }}>
        <MessageBridge />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
