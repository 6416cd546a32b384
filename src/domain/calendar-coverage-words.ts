/** Words about a calendar year not imported yet: pure, for the service's log line and the console's presenter. */

/** Who reads it: the administrator on 工作日历, other staff, or whoever runs the server (log, /readyz). */
export type CoverageReader = 'admin' | 'staff' | 'operator'

/** "2027年1月1日", as the console says a date. */
const spoken = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/**
 * What is missing, and the next step for whoever reads it: the administrator on 工作日历 imports it there himself;
 * an organizer there has nothing to do but knows who does; the log and /readyz (whoever runs the server) are told who
 * imports where. No command line in any (the CLI prints its own usage).
 */
export function coverageWarning(uncovered: { from: string; years: number[] }, reader: CoverageReader): string {
  const years = uncovered.years.map((y) => `${y}年`).join('、')
  const fact = `尚未导入${years}的放假安排：从${spoken(uncovered.from)}起的期限只按周末和元旦、劳动节、国庆节的法定日期计算，标为“暂定”。`
  if (reader === 'admin') return `${fact}${years}的放假安排公布后，请在下面导入，这些期限会自动改正。`
  if (reader === 'staff') return `${fact}放假安排由系统管理员在这个页面导入，导入后这些期限会自动改正，不用您处理。`
  return `${fact}请在国务院公布放假安排后，由系统管理员在“工作日历”页导入。`
}
