import './app/dayjs-setup.ts';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { installVietnameseValidationMessages } from '../../contracts/validation-messages.ts';
import { Providers } from './app/providers.tsx';
import { createAppRouter } from './app/router.tsx';

// Form checks that reuse the contracts speak Vietnamese too, never zod's English defaults.
installVietnameseValidationMessages();
const router = createAppRouter();
const root = document.getElementById('root');
if (!root) throw new Error('Không tìm thấy phần tử #root');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
