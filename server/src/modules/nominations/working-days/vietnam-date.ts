/** Today's date in Vietnam (UTC+7, no daylight saving), ISO yyyy-mm-dd: a submission at 00:30 counts on that day. */
export const vietnamToday = (now = new Date()) =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
