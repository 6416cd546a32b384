import type { Clock } from '../../clock.js'
import { startOfLocalDate } from '../../domain/business-calendar.js'
import { groupedStats } from '../../domain/case-stats.js'
import { localDate } from '../../domain/dates.js'
import { ValidationError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { namer, type DirectoryNames } from './directory-names.js'

/**
 * The public responsiveness table (as WriteToThem publishes for representatives): per
 * station and quarter, how many messages, the share answered, the median days to an answer
 * and the residents' satisfaction. Counts only; no message, no person.
 */
export class PublicResponsiveness {
  constructor(
    private readonly store: Pick<Store, 'cases'>,
    private readonly directory: DirectoryNames,
    private readonly clock: Clock,
    private readonly options: { timeZone: string },
  ) {}

  /** The last finished quarter, e.g. "2026Q3" on 1 December 2026. */
  lastQuarter(): string {
    const [y, m] = localDate(this.clock.now(), this.options.timeZone).split('-').map(Number)
    const q = Math.floor((m - 1) / 3)
    return q === 0 ? `${y - 1}Q4` : `${y}Q${q}`
  }

  async table(quarter: string) {
    const match = /^(\d{4})Q([1-4])$/.exec(quarter)
    if (!match) throw new ValidationError('季度格式应为 2026Q3', [{ path: 'query.quarter', message: 'YYYYQn' }])
    const [year, q] = [Number(match[1]), Number(match[2])]
    const month = (n: number) => `${n > 12 ? year + 1 : year}-${String(((n - 1) % 12) + 1).padStart(2, '0')}-01`
    const from = startOfLocalDate(month(3 * q - 2), this.options.timeZone)
    const to = startOfLocalDate(month(3 * q + 1), this.options.timeZone)
    const cases = (await this.store.cases.listForStats({ createdFrom: from, createdTo: to })).filter((c) => !c.mergedInto && c.status !== 'rejected')
    const name = await namer(this.directory)
    const now = this.clock.now()
    return {
      quarter,
      stations: groupedStats(cases, (c) => c.stationId, now)
        .map(({ key, stats }) => ({
          stationId: key,
          station: name('station', key),
          messages: stats.total,
          answeredShare: stats.total ? Math.round(((stats.byStatus.replied + stats.byStatus.closed) / stats.total) * 1000) / 1000 : null,
          repliedInTimeShare: stats.repliedInTimeShare,
          medianDaysToReply: stats.medianDaysToReply,
          satisfaction: stats.finalSatisfaction,
          rated: stats.rated,
        }))
        .sort((a, b) => b.messages - a.messages || a.station.localeCompare(b.station, 'zh-CN')),
    }
  }
}
