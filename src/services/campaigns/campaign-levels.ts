import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { GONE } from '../../domain/choice-words.js'
import { CAMPAIGN_LEVEL_LABELS, campaignPhase, type AudienceSelector, type CampaignRecord } from '../../domain/campaign.js'
import { rollUp, type RolledUp } from '../../domain/campaign-rollup.js'
import { issuedBy } from '../../domain/campaign-series.js'
import { ancestry } from '../../domain/region-tree.js'
import { staffScope } from '../../domain/staff-scope.js'
import { ConflictError, ForbiddenError, UnprocessableError, ValidationError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { requireRole, type StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { PersonProgress } from '../../domain/campaign-progress.js'
import type { CampaignAudience, NamedDirectory } from './campaign-audience.js'
import type { CampaignProgress } from './campaign-progress.js'
import type { CampaignSeries } from './campaign-series.js'
import { reachCellWords } from './reach-words.js'
import type { CampaignService } from './campaigns.js'

export interface LevelsDeps {
  store: Pick<Store, 'campaigns'>
  campaigns: Pick<CampaignService, 'get'>
  audience: CampaignAudience
  progress: Pick<CampaignProgress, 'peopleOf' | 'noReach'>
  series: Pick<CampaignSeries, 'openDue'>
  clock: Clock
  audit: Pick<AuditTrail, 'record'>
}

export interface RollUpReport {
  campaign: CampaignRecord
  /** `reachWords`: as 学习进度's cells, whom a message reaches and the cause for the others (reach-words.ts). */
  parts: Array<
    RolledUp['parts'][number] & {
      levelLabel: string
      areaName: string | null
      districtId: string | null
      issuedBy: string
      unreachable: number
      reachWords: string | null
    }
  >
  /** `unreachable`: of those reached in any part, each once, those a WeChat message does not reach, and why in `reachWords`. */
  total: RolledUp['total'] & { unreachable: number; reachWords: string | null }
}

/**
 * 上下同题: a district or street takes up a city-level campaign as its own local campaign
 * on the same topic, for its own deputies and with its own materials if it likes; the
 * city then sees every level's progress, a district its own and its streets'.
 */
export class CampaignLevels {
  constructor(private readonly deps: LevelsDeps) {}

  async adopt(staff: StaffPrincipal, campaignId: string, input: { areaId?: string; description?: string }): Promise<CampaignRecord> {
    requireRole(staff, 'organizer', 'admin')
    const { store, audience, clock } = this.deps
    const source = await this.deps.campaigns.get(staff, campaignId)
    if (source.level !== 'city' || source.adoptedFrom) throw new ConflictError('只能采用市级活动', [], 'not_city_level')
    if (campaignPhase(source, clock.now()) === 'ended') throw new ConflictError('活动已结束，不能再采用', [], 'campaign_ended')
    if (source.seriesId) throw new ConflictError('这是每月活动中的一期，请采用整个每月活动，以后每期自动跟上', [], 'adopt_the_series')
    const areaId = input.areaId ?? (staff.regionIds.length === 1 ? staff.regionIds[0] : undefined)
    if (!areaId) throw new ValidationError('输入有误', [{ path: 'body.areaId', message: '请选择采用的区县或街道' }])
    // The local campaign names the area's stations as they are now.
    const dir = await audience.freshDirectory()
    const area = dir.regions.get(areaId)
    if (!area || (area.kind !== 'district' && area.kind !== 'street'))
      throw new UnprocessableError('没有这个区县或街道', [{ path: 'body.areaId', message: area ? `${area.name}不是区县或街道` : GONE.area }], 'unknown_area')
    // The scope rule: a district organizer may take it up for a street of theirs too.
    if (!staffScope(staff, dir.regions).covers(area.id))
      throw new ForbiddenError('只能为您负责的区县或街道采用活动', 'outside_scope', [{ path: 'body.areaId', message: area.name }])
    const selector = audienceOfArea(area.id, area.kind, dir)
    if (!selector.districtIds?.length && !selector.stationIds?.length)
      throw new UnprocessableError('这个街道还没有代表联络站', [{ path: 'body.areaId', message: area.name }], 'no_station')
    // Stations but no deputy at them: the local campaign would read 面向 0 人 from the start.
    if (!audience.resolve({ audience: selector, scopeDistrictIds: [area.id] }, dir).length)
      throw new UnprocessableError(`${area.name}还没有代表，采用后没有人参加`, [{ path: 'body.areaId', message: area.name }], 'no_audience')
    const now = clock.now()
    const local: CampaignRecord = {
      id: `cp-${randomUUID()}`,
      title: source.title,
      description: input.description ?? source.description,
      startsAt: source.startsAt,
      endsAt: source.endsAt,
      audience: selector,
      scopeDistrictIds: [area.id],
      repeat: source.repeat,
      seriesId: null,
      period: null,
      adoptedFrom: source.id,
      areaId: area.id,
      level: area.kind,
      createdBy: staff.id,
      createdAt: now,
      updatedAt: now,
    }
    try {
      await store.campaigns.create(local)
    } catch (err) {
      if (err instanceof ConflictError)
        throw new ConflictError(`${area.name}已经采用了这项活动`, [{ path: 'body.areaId', message: area.id }], 'already_adopted')
      throw err
    }
    await this.deps.audit.record(staff, 'campaign.adopted', { kind: 'campaign', id: local.id }, { from: source.id, areaId: area.id })
    // A monthly campaign adopted mid-month has this month's issue at once, linked to the city's.
    if (local.repeat) await this.deps.series.openDue([local])
    return local
  }

  /** The city campaign and its local ones, each level's progress and the total; each organizer sees their own area and below. */
  async rollUp(staff: StaffPrincipal, campaignId: string): Promise<RollUpReport> {
    const { store, audience } = this.deps
    const asked = await this.deps.campaigns.get(staff, campaignId)
    const top = asked.adoptedFrom ? await store.campaigns.get(asked.adoptedFrom) : asked
    if (!top || top.level !== 'city') throw new ConflictError('这项活动不是市级活动，也不是从市级活动采用的，没有逐级汇总', [], 'not_linked')
    const dir = await audience.directory()
    const scope = staffScope(staff, dir.regions)
    const citywide = scope.kind === 'city'
    const below = (c: CampaignRecord) => scope.covers(c.areaId)
    const parts = [...(citywide ? [top] : []), ...(await store.campaigns.adoptionsOf(top.id)).filter((c) => citywide || below(c))]
    const people = await Promise.all(parts.map((c) => this.deps.progress.peopleOf(c, dir)))
    const rolled = rollUp(parts.map((c, i) => ({ campaignId: c.id, level: c.level, areaId: c.areaId, people: people[i].people })))
    // Who bound no WeChat, as 学习进度 counts them, in one batched read: everyone in any part once,
    // as reached where any part reached them (as the total counts them).
    const everyone = new Map<string, PersonProgress>()
    for (const p of people.flatMap((x) => x.people)) if (!everyone.get(`${p.kind}:${p.id}`)?.reached) everyone.set(`${p.kind}:${p.id}`, p)
    const why = await this.deps.progress.noReach([...everyone.values()])
    const reasons = (list: PersonProgress[]) => list.filter((p) => p.reached).flatMap((p) => why.get(`${p.kind}:${p.id}`) ?? [])
    const peopleOf = new Map(parts.map((c, i) => [c.id, people[i].people]))
    // A level whose campaign has ended asks nobody to phone (nobody is reminded any more); the total, once every level has.
    const now = this.deps.clock.now()
    const endedIds = new Set(parts.filter((c) => campaignPhase(c, now) === 'ended').map((c) => c.id))
    const reachOf = (list: PersonProgress[], ended: boolean) => ({
      unreachable: reasons(list).length,
      reachWords: reachCellWords(list.filter((p) => p.reached).length, reasons(list), ended),
    })
    return {
      campaign: top,
      parts: rolled.parts.map((p) => ({
        ...p,
        ...placeOf(p.level, p.areaId, dir),
        ...reachOf(peopleOf.get(p.campaignId)!, endedIds.has(p.campaignId)),
      })),
      total: { ...rolled.total, ...reachOf([...everyone.values()], endedIds.size === parts.length) },
    }
  }
}

/** A district's deputies, or a street's: those at the stations in it (as the directory stands when it is adopted). */
function audienceOfArea(areaId: string, kind: 'district' | 'street', dir: NamedDirectory): AudienceSelector {
  if (kind === 'district') return { districtIds: [areaId] }
  const stations = [...(dir.stationStreet ?? new Map<string, string | null>())].filter(([, street]) => street === areaId).map(([id]) => id)
  return { stationIds: stations.sort() }
}

function placeOf(level: CampaignRecord['level'], areaId: string | null, dir: NamedDirectory) {
  const area = areaId ? dir.regions.get(areaId) : undefined
  const districtId = area ? (ancestry(area.id, dir.regions).find((r) => r.kind === 'district')?.id ?? null) : null
  return { levelLabel: CAMPAIGN_LEVEL_LABELS[level], areaName: area?.name ?? null, districtId, issuedBy: issuedBy(level, area?.name ?? null) }
}
