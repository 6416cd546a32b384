import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { csvSheet } from '../csv-sheet.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { BallotRoll } from './ballot-roll.js'

/**
 * 导出未参与名单: the deputies of a survey's or ballot's roll who have not answered, as the
 * organizer follows them (Turnout), for a spreadsheet to phone down: name, number, station, and
 * whether the notice reached them. Through the one CSV writer (formulas neutralised); audited.
 */
export class NotVotedSheet {
  constructor(
    private readonly roll: Pick<BallotRoll, 'notVoted'>,
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
    private readonly audit: Pick<AuditTrail, 'record'>,
  ) {}

  async csv(staff: StaffPrincipal, surveyId: string): Promise<{ title: string; csv: string; rows: number }> {
    const { survey, items } = await this.roll.notVoted(staff, surveyId)
    const { deputies, stations } = await this.directory.prepared()
    const rows = items.map((i) => {
      const deputy = deputies.get(i.deputyId)
      const places = (deputy?.stationIds ?? []).map((id) => stations.get(id)?.name ?? id).join('、')
      return [i.name, deputy?.code ?? '', places, i.notice.label, i.notice.reason ?? '']
    })
    await this.audit.record(staff, 'survey.not_voted_exported', { kind: 'survey', id: survey.id }, { rows: rows.length })
    return { title: `${survey.title}-未参与名单`, csv: await csvSheet([['姓名', '代表编号', '联络站', '通知送达', '说明'], ...rows]), rows: rows.length }
  }
}
