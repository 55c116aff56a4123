export { NoticeListPage } from './notice-list-page.tsx';
export { NoticePage } from './notice-page.tsx';
export { PublicNoticeButton } from './public-notice-button.tsx';
