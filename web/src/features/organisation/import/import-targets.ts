/** What can be imported from a spreadsheet, and where each import lives. */
export interface ImportTarget {
  title: string;
  description: string;
  /** Plural noun of the rows, for "Đã nhập 3 cán bộ". */
  noun: string;
  templatePath: string;
  templateName: string;
  uploadPath: string;
  listPath: string;
  listLabel: string;
  /** Columns of the template, in order, to explain the file before it is opened. */
  columns: string[];
  /** Cache keys to refresh after a successful import. */
  refreshKeys: string[];
}

/** People (cán bộ): one row per person, placed in a unit by its code. */
export const personImport: ImportTarget = {
  title: 'Nhập cán bộ từ Excel',
  description: 'Nhập danh sách cán bộ, công chức, viên chức từ tệp Excel (.xlsx) hoặc CSV theo tệp mẫu.',
  noun: 'cán bộ',
  templatePath: '/api/persons/import-template',
  templateName: 'mau-nhap-can-bo',
  uploadPath: '/api/persons/import',
  listPath: '/to-chuc/can-bo',
  listLabel: 'Xem danh sách cán bộ',
  columns: [
    'Họ và tên',
    'Giới tính (Nam/Nữ)',
    'Ngày sinh (dd/mm/yyyy)',
    'Số định danh cá nhân',
    'Đối tượng (Cán bộ, Công chức, Viên chức, Người lao động, Chiến sĩ)',
    'Chức vụ',
    'Lãnh đạo, quản lý (Có/Không)',
    'Trực tiếp lao động (Có/Không)',
    'Mã đơn vị',
    'Ngày bắt đầu công tác (dd/mm/yyyy)',
  ],
  refreshKeys: ['persons'],
};

/** Units (đơn vị): one row per unit, placed under its parent by the parent's code. */
export const unitImport: ImportTarget = {
  title: 'Nhập đơn vị từ Excel',
  description: 'Nhập cơ cấu tổ chức (đơn vị và đơn vị cấp trên) từ tệp Excel (.xlsx) hoặc CSV theo tệp mẫu.',
  noun: 'đơn vị',
  templatePath: '/api/units/import-template',
  templateName: 'mau-nhap-don-vi',
  uploadPath: '/api/units/import',
  listPath: '/to-chuc/don-vi',
  listLabel: 'Xem cơ cấu tổ chức',
  columns: [
    'Mã đơn vị',
    'Tên đơn vị',
    'Tên viết tắt',
    'Loại đơn vị',
    'Mã đơn vị cấp trên',
    'Tập thể lãnh đạo (ký TM.) (Có/Không)',
    'Hiệu lực từ ngày (dd/mm/yyyy)',
    'Hiệu lực đến ngày (dd/mm/yyyy)',
  ],
  refreshKeys: ['units'],
};
