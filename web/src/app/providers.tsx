import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { type ReactNode, useEffect, useState } from 'react';
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

/** Everything the pages rely on: Vietnamese antd, the theme, messages and the query cache. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useEffect(() => installSessionErrorHandling(queryClient), [queryClient]);

  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp message={{ maxCount: 3, top: 72 }}>
        <MessageBridge />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
