export { MovementPage } from './detail/movement-page.tsx';
export { MovementImportPage } from './import/movement-import-page.tsx';
export { MovementReviewPage } from './import/movement-review-page.tsx';
export { MovementListPage } from './list/movement-list-page.tsx';
