export { AccountListPage } from './account-list-page.tsx';
