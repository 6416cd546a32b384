import type { Clock } from '../../clock.js'
import { campaignPhase, isLive, stationInScope, type AudienceMember, type CampaignRecord, type PersonKind } from '../../domain/campaign.js'
import { groupProgress, personProgress, totalsOf, type GroupProgress, type PersonProgress } from '../../domain/campaign-progress.js'
import type { Store } from '../../store/ports.js'
import type { CampaignAudience, NamedDirectory } from './campaign-audience.js'
import type { CampaignService } from './campaigns.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { Reach } from '../delivery/channels.js'
import { noReachOf, noReachWords, reachCellWords, type NoReach } from './reach-words.js'

export type ProgressGrouping = 'person' | 'station' | 'district'

export interface CampaignProgressReport {
  campaignId: string
  groupBy: ProgressGrouping
  phase: ReturnType<typeof campaignPhase>
  itemsPublished: number
  /**
   * `unreachable`: reached people no reminder reaches; `appOff` of them use the mini-program, whose notices are not switched on.
   * `asOfEnd`: the campaign has ended and the figures are as at its end (截至结束时), what the office reports upward;
   * `readAfterEnd`: those who finished reading only after it, said apart and not in `read`.
   */
  totals: GroupProgress & { unreachable: number; appOff: number; asOfEnd: boolean; readAfterEnd: number }
  /** `noReach`: why a reminder cannot reach them (reach-words.ts), null when it can; `reachWords` the same in words. */
  people: Array<
    PersonProgress & { stationName: string | null; districtName: string | null; unreachable: boolean; noReach: NoReach | null; reachWords: string | null }
  >
  /** `reachWords`: whom a message reaches there and why not the others, in reach-words.ts's words (null: nothing went out). */
  groups: Array<GroupProgress & { name: string; unreachable: number; reachWords: string | null }>
}

/**
 * Organizers' view of how far a campaign has got: everyone it is for now (the selector
 * resolved against today's directory, and its followers) plus anyone reached earlier,
 * each reached / read / checked in, per person or per station or district.
 */
export class CampaignProgress {
  constructor(
    private readonly store: Pick<Store, 'campaigns'>,
    private readonly campaigns: CampaignService,
    private readonly audience: CampaignAudience,
    private readonly clock: Clock,
    /** How a WeChat message (提醒未读's) reaches these people, in one batched read; without it nobody is counted as unreachable. */
    private readonly reachOf?: (kind: PersonKind, ids: readonly string[]) => Promise<Map<string, Reach>>,
  ) {}

  async report(staff: StaffPrincipal, campaignId: string, groupBy: ProgressGrouping): Promise<CampaignProgressReport> {
    const { campaign, dir, items, people, readAfterEnd } = await this.seenBy(staff, campaignId)
    const phase = campaignPhase(campaign, this.clock.now())
    // After the end nobody is phoned about it: the tags and cells say what is true, not 请电话联系.
    const ended = phase === 'ended'
    const stationName = (id: string | null) => (id ? (dir.stationNames.get(id) ?? id) : null)
    const districtName = (id: string | null) => (id ? (dir.districtNames.get(id) ?? id) : null)
    const why = await this.noReach(people)
    const unreachable = new Set(why.keys())
    const cut = (members: PersonProgress[]) => members.filter((p) => unreachable.has(`${p.kind}:${p.id}`)).length
    const reasons = (members: PersonProgress[]) => members.map((p) => why.get(`${p.kind}:${p.id}`)).filter((w): w is NoReach => !!w)
    const groups =
      groupBy === 'person'
        ? []
        : groupProgress(people, groupBy).map((g) => {
            const here = people.filter((p) => (groupBy === 'station' ? p.stationId : p.districtId) === g.key)
            return {
              ...g,
              name: (groupBy === 'station' ? stationName(g.key) : districtName(g.key)) ?? '关注群众',
              unreachable: cut(here),
              reachWords: reachCellWords(g.reached, reasons(here), ended),
            }
          })
    return {
      campaignId,
      groupBy,
      phase,
      itemsPublished: items.length,
      totals: {
        ...totalsOf(people),
        unreachable: cut(people),
        appOff: [...why.values()].filter((w) => w === 'app_off').length,
        asOfEnd: phase === 'ended',
        readAfterEnd: people.filter((p) => readAfterEnd.has(`${p.kind}:${p.id}`)).length,
      },
      people:
        groupBy === 'person'
          ? people.map((p) => ({
              ...p,
              stationName: stationName(p.stationId),
              districtName: districtName(p.districtId),
              unreachable: unreachable.has(`${p.kind}:${p.id}`),
              noReach: why.get(`${p.kind}:${p.id}`) ?? null,
              reachWords: why.has(`${p.kind}:${p.id}`) ? noReachWords(why.get(`${p.kind}:${p.id}`)!, ended) : null,
            }))
          : [],
      groups,
    }
  }

  /**
   * The people reached who have bound no WeChat a message reaches ("kind:id"). Publishing sends
   * nobody a message of their own (reading-publisher.ts): a reached person learns of the reading
   * from a message on their WeChat (daily digest, 提醒未读); whoever bound none only by phone,
   * however many items "reached" them. Counted as 提醒未读 counts them: same channels, same kind.
   */
  async unreachable(people: readonly PersonProgress[]): Promise<Set<string>> {
    return new Set((await this.noReach(people)).keys())
  }

  /** unreachable() with why ("kind:id" → NoReach): the delivery code's reason, said in 学习进度's words. */
  async noReach(people: readonly PersonProgress[]): Promise<Map<string, NoReach>> {
    const out = new Map<string, NoReach>()
    if (!this.reachOf) return out
    const reached = people.filter((p) => p.reached)
    for (const kind of new Set(reached.map((p) => p.kind))) {
      const ids = reached.filter((p) => p.kind === kind).map((p) => p.id)
      const reach = await this.reachOf(kind, ids)
      for (const id of ids) {
        const why = noReachOf(kind, reach.get(id))
        if (why) out.set(`${kind}:${id}`, why)
      }
    }
    return out
  }

  /**
   * The campaign as this organizer follows it: everyone in it they see (a district organizer following
   * a city-level campaign, their districts' share) with how far each got, its live items, and the
   * reach and reads behind the figures (提醒未读 names each person's unread items from them).
   */
  async seenBy(staff: StaffPrincipal, campaignId: string) {
    const campaign = await this.campaigns.get(staff, campaignId)
    // A district organizer following a city-level campaign sees their districts' share of it.
    const within = await this.campaigns.districtView(staff, campaign)
    const dir = await this.audience.directory()
    const { people: everyone, ...records } = await this.peopleOf(campaign, dir, within)
    return { campaign, dir, ...records, people: within ? everyone.filter((p) => placeInside(p, dir, within)) : everyone }
  }

  /** Everyone in a campaign with how far they got, and its live items; no permission check (callers have made it). */
  async peopleOf(campaign: CampaignRecord, dir: NamedDirectory, within: string[] | null = null) {
    const [items, allReach, allReads, allCheckIns] = await Promise.all([
      this.store.campaigns.items(campaign.id),
      this.store.campaigns.reachOf(campaign.id),
      this.store.campaigns.readsOf(campaign.id),
      this.store.campaigns.checkInsOf(campaign.id),
    ])
    // A withdrawn item no longer counts as reached or read.
    const liveItems = items.filter(isLive)
    const live = new Set(liveItems.map((i) => i.id))
    const reach = allReach.filter((r) => live.has(r.itemId))
    const liveReads = allReads.filter((r) => live.has(r.itemId))
    // A closed campaign's figures stay as at its end (what the office reports upward, and what the 未读名单
    // exported then said): a reading opened afterwards is still recorded, and counted apart (readAfterEnd).
    const ended = campaignPhase(campaign, this.clock.now()) === 'ended'
    const reads = ended ? liveReads.filter((r) => r.readAt <= campaign.endsAt) : liveReads
    // A check-in on a withdrawn item goes with it; one for the day (no item) stays.
    const checkIns = allCheckIns.filter((c) => c.itemId === null || live.has(c.itemId))
    // People reached keep the place they were reached at; the rest stand where the directory puts them now.
    const reachedAt = new Map(reach.map((r) => [`${r.personKind}:${r.personId}`, r]))
    const audience: AudienceMember[] = this.audience.resolve(within ? { ...campaign, scopeDistrictIds: within } : campaign, dir).map((m) => {
      const r = reachedAt.get(`${m.kind}:${m.id}`)
      // A district follows every deputy who serves in it, as a ballot's roll does: one reached at a station
      // of another district (the first of theirs) stands, in this district's share, at their station here.
      if (!r || (within && !placeInside(r, dir, within))) return m
      return { ...m, stationId: r.stationId, districtId: r.districtId }
    })
    const people = personProgress({ audience, items: liveItems, reach, reads, checkIns, nameOf: dir.personName })
    // "kind:id" of those who had not read everything at the end and have since.
    const readAfterEnd = new Set<string>()
    if (reads.length < liveReads.length) {
      const doneAtEnd = new Set(people.filter((p) => p.read).map((p) => `${p.kind}:${p.id}`))
      for (const p of personProgress({ audience, items: liveItems, reach, reads: liveReads, checkIns, nameOf: dir.personName }))
        if (p.read && !doneAtEnd.has(`${p.kind}:${p.id}`)) readAfterEnd.add(`${p.kind}:${p.id}`)
    }
    return { items: liveItems, reach, reads, people, readAfterEnd: readAfterEnd as ReadonlySet<string> }
  }
}

/** Whether a place (a person's station and district) lies in the districts or streets an organizer follows. */
function placeInside(p: { stationId: string | null; districtId: string | null }, dir: NamedDirectory, within: readonly string[]): boolean {
  // A street organizer's share is their street's stations.
  return (p.districtId !== null && within.includes(p.districtId)) || (p.stationId !== null && stationInScope(p.stationId, dir, within))
}
