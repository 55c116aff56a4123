/** A share in percent as Vietnamese reads it ("18,5 %"), or a dash when there is nothing to share. */
export const formatShare = (value: number | null) =>
  value === null ? '—' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

/** A count with Vietnamese thousands separators. */
export const formatCount = (value: number) => value.toLocaleString('vi-VN');
