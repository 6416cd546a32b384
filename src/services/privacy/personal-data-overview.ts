import type { Station } from '../../domain/directory.js'
import type { Store } from '../../store/ports.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { CaseWorkflow } from '../cases/case-workflow.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { casePhoneStanding, type CasePhoneStanding } from '../../domain/case-phone.js'
import { noticesOn, type NoticesOn } from '../../domain/notices-on.js'
import type { PersonalData, PersonalDataExport } from './personal-data-export.js'

/** A phone kept about her, where it is kept, and (on a message) what she may do with it. */
export type KeptPhone =
  | { on: 'account'; phone: string }
  | {
      on: 'case'
      caseId: string
      ticket: string
      status: string
      phone: string
      standing: CasePhoneStanding
      /** A merged message's: the number of the message the work goes on under. */
      carrierTicket: string | null
    }

/** What 我的信息 shows as it opens: her copy, the phones she may change or remove, and the stations that handle her messages. */
export interface DataOverview {
  copy: PersonalData
  phones: KeptPhone[]
  /** The stations her messages went to, latest first: whom to ask about what she cannot change herself. */
  stations: Station[]
  /** Whether the answer to her message comes as a WeChat notice, and whether others do (her copy's subscriptions). */
  notices: NoticesOn
}

/** What PersonalDataOverview is built from. */
export interface PersonalDataOverviewDeps {
  exporter: Pick<PersonalDataExport, 'export'>
  store: Pick<Store, 'cases'>
  directory: Pick<DirectoryCache, 'prepared'>
  workflow: Pick<CaseWorkflow, 'reopenOffer'>
  /** The template the answer to her message is sent with; null while none is set up. */
  answerTemplateId: string | null
}

/**
 * What is kept about a person, shown when 我的信息 opens (PIPL art. 45): read from the same copy 导出 gives, so the
 * page and the copy never disagree; with each phone's standing (personal-data-correction) and her stations.
 */
export class PersonalDataOverview {
  private readonly deps: PersonalDataOverviewDeps

  constructor(deps: PersonalDataOverviewDeps) {
    this.deps = deps
  }

  async overview(person: MpPrincipal): Promise<DataOverview> {
    const copy = await this.deps.exporter.export(person)
    const phones: KeptPhone[] = copy.account.phone ? [{ on: 'account', phone: copy.account.phone }] : []
    for (const { detail, phone } of copy.cases) {
      if (!phone) continue
      const c = detail.case
      const carrierTicket = c.mergedInto ? ((await this.deps.store.cases.get(c.mergedInto))?.ticket ?? null) : null
      phones.push({
        on: 'case',
        caseId: c.id,
        ticket: c.ticket,
        status: c.status,
        phone,
        standing: casePhoneStanding(c, this.deps.workflow.reopenOffer(c)),
        carrierTicket,
      })
    }
    const { stations } = await this.deps.directory.prepared()
    const latest = [...copy.cases].sort((a, b) => b.detail.case.createdAt.getTime() - a.detail.case.createdAt.getTime())
    const ids = [...new Set(latest.map((c) => c.detail.case.stationId).filter((id): id is string => !!id))]
    return {
      copy,
      phones,
      stations: ids.map((id) => stations.get(id)).filter((s): s is Station => !!s),
      notices: noticesOn(copy.subscriptions, this.deps.answerTemplateId),
    }
  }

  /**
   * Only the stations her messages went to, latest first, without reading her whole copy: the chat names them where
   * staff must act for her ("留言里的电话写错了，请告诉…联络站"), as 我的信息 does.
   */
  async stations(person: MpPrincipal): Promise<Station[]> {
    const [{ items }, { stations }] = await Promise.all([
      this.deps.store.cases.search({ residentId: person.id, limit: STATIONS_READ }),
      this.deps.directory.prepared(),
    ])
    const latest = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    const ids = [...new Set(latest.map((c) => c.stationId).filter((id): id is string => !!id))]
    return ids.map((id) => stations.get(id)).filter((s): s is Station => !!s)
  }
}

/** Her latest messages read for their stations: more than anyone writes from one chat in years, and a bound read. */
const STATIONS_READ = 100
