export { RankingPage } from './ranking-page.tsx';
export { SheetPage } from './sheet-page.tsx';
export { TableListPage } from './table-list-page.tsx';
export { TablePage } from './table-page.tsx';
