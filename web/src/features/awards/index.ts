export { PersonAwardSection, UnitAwardSection } from './award-history-section.tsx';
export { CandidatesPage } from './candidates-page.tsx';
export { CataloguePage } from './catalogue-page.tsx';
export { RecordsImportPage } from './records-import/records-import-page.tsx';
