import type { Tally } from '../../../../contracts/council-sessions.ts';

/** The counts of a closed nominee's vote, never who voted how: "Đồng ý 4, Không đồng ý 1". */
export const tallyCounts = (tally: Tally) => `Đồng ý ${tally.agree}, Không đồng ý ${tally.disagree}`;

/** The share the threshold is measured on: "Tỷ lệ đồng ý: 4/7 (57,14%)". */
export const tallyShare = (tally: Tally) =>
  `Tỷ lệ đồng ý: ${tally.agree}/${tally.denominator} (${tally.percent.toLocaleString('vi-VN')}%)`;
