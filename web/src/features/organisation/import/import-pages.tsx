import { personImport, unitImport } from './import-targets.ts';
import { ImportWizard } from './import-wizard.tsx';

/** "Nhập cán bộ từ Excel". */
export function PersonImportPage() {
  return <ImportWizard target={personImport} />;
}

/** "Nhập đơn vị từ Excel". */
export function UnitImportPage() {
  return <ImportWizard target={unitImport} />;
}
