export { BlocPage } from './blocs/bloc-page.tsx';
export { CouncilPage } from './councils/council-page.tsx';
export { PersonImportPage, UnitImportPage } from './import/import-pages.tsx';
export { PersonListPage } from './persons/person-list-page.tsx';
export { PersonPage } from './persons/person-page.tsx';
export { UnitPage } from './units/unit-page.tsx';
export { UnitTreePage } from './units/unit-tree-page.tsx';
