/** Today's date in Vietnam (UTC+7) as YYYY-MM-DD: a plan or report pending after it is overdue. */
export const todayInVietnam = (now = new Date()) =>
  new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
