/**
 * The line under 按代表's rows for the messages no deputy's row counts: those no deputy has yet, in the dashboard's
 * word for them (还没交给代表, as its 还没交给代表 row and 等您分派 say), and those ended before one had them.
 */
export function deputyRestText(r: { total: number; open: number; overdueOpen: number }): string {
  const overdue = r.overdueOpen > 0 ? `，其中 ${r.overdueOpen} 条已超期` : ''
  const ended = r.total - r.open
  if (!ended) return `另有 ${r.open} 条还没交给代表${overdue}，不在上面的代表名下。`
  // Not "没有交给代表就已结束": a merged message may well have been given to a deputy first; it is not in his row since
  // it is counted once, as the message it joined (review 37 § 10).
  const parts = [r.open > 0 ? `${r.open} 条还没交给代表${overdue}` : '', `${ended} 条已结束（不予受理或撤回的，以及并入其他留言、随那条留言办理的）`]
  return `另有 ${r.total} 条不在上面的代表名下：${parts.filter(Boolean).join('；')}。`
}
