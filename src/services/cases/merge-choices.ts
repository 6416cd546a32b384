import { canTransition, mergeTargetRefusal, OPEN_STATUSES, type CaseRecord } from '../../domain/case.js'
import { canSeeCase } from '../../domain/case-access.js'
import { mergeIntoAnsweredText, mergePlacesText, refusalText } from '../../domain/case-refusals.js'
import type { ShortNumberSearch } from '../../domain/case-search.js'
import { objectsNamed, sameObject } from '../../domain/complaint-objects.js'
import { contentGrams, placesApart, placesDiffer } from '../../domain/similarity.js'
import { NotFoundError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { HotIssueService } from '../analysis/hot-issues.js'
import { namer, type DirectoryNames } from '../analysis/directory-names.js'
import { CASE_IDS_MAX, type CaseQueries } from './case-queries.js'

/**
 * Why a message is offered to merge into: alike in words, one hot issue with this one and about the same thing
 * (both name it: 电梯, 路灯), one hot issue with it where either names no thing (nobody can tell it is the same
 * problem), or found by its number.
 */
export type MergeReason = 'hot_issue' | 'hot_issue_unsure' | 'similar' | 'found'

export interface MergeChoice {
  case: CaseRecord
  reasons: MergeReason[]
  /** The deputy handling it, by name; null when none is. */
  deputyName: string | null
  /**
   * Offered to be seen, not chosen: answered already (已答复, waiting for the resident's score), so a message merged
   * into it would get no answer of its own (the merge refuses it, merge_target_answered). Reopened (重新办理), it is
   * open for work again and may be chosen.
   */
  answered: boolean
}

/**
 * A message of a group (a hot issue's) as 合并办理 lists it: whether it may be the one kept, whether it may be merged
 * into another, and which of its group it may not be merged into; each refusal in the merge's own words.
 */
export interface GroupMergeItem {
  case: CaseRecord
  deputyName: string | null
  /** Why it may not be the one kept (answered: merge_target_answered), null when it may. */
  keepRefusal: string | null
  /** Why it may not be merged into another (交办, 重新办理, 已答复: the merge's transition), null when it may. */
  joinRefusal: string | null
  /** The messages of its group it may not be merged into, as the merge refuses them (merge_places_differ). */
  apart: Array<{ id: string; text: string }>
}

/** The open messages of a group that one station (or office) handles, oldest first. */
export interface GroupMerge {
  name: string
  items: GroupMergeItem[]
}

export interface MergeChoicesDeps {
  store: Pick<Store, 'cases'>
  queries: Pick<CaseQueries, 'viewerOf' | 'similarTo' | 'staffCases' | 'shortNumberSearch'>
  hotIssues: Pick<HotIssueService, 'issueOf'>
  directory: DirectoryNames
}

/** Messages a search by number or words lists at most. */
const FOUND_MAX = 20

/**
 * What 与相似留言合并 offers: without a search, the messages 热点问题 groups with this one and those
 * alike in words; with one (a number such as 0001, a ticket, or words), the open messages it finds.
 * Only open messages not merged elsewhere, and only those the staff member may see: the merge
 * itself refuses any other (留言不存在, or merge_target_closed), and one about another place that a search
 * found (merge_places_differ, in words that name both places). An answered one is listed, last and marked
 * (answered), for the clerk to see it was answered, never to be chosen (merge_target_answered).
 */
export class MergeChoices {
  private readonly store: Pick<Store, 'cases'>
  private readonly queries: MergeChoicesDeps['queries']
  private readonly hotIssues: MergeChoicesDeps['hotIssues']
  private readonly directory: DirectoryNames

  constructor(deps: MergeChoicesDeps) {
    ;({ store: this.store, queries: this.queries, hotIssues: this.hotIssues, directory: this.directory } = deps)
  }

  async forCase(staff: StaffPrincipal, caseId: string, q?: string): Promise<{ items: MergeChoice[]; numberSearch: ShortNumberSearch | null }> {
    const viewer = await this.queries.viewerOf(staff)
    const c = await this.store.cases.get(caseId)
    if (!c || !canSeeCase(viewer, c)) throw new NotFoundError('留言不存在')
    const offered = (x: CaseRecord | null): x is CaseRecord =>
      !!x && x.id !== c.id && OPEN_STATUSES.includes(x.status) && !x.mergedInto && canSeeCase(viewer, x)

    if (q) {
      // A search answers alone: the likeness and the hot issue (reading the place's month) are not asked for.
      const found = (await this.queries.staffCases(staff, { q, open: true }, { limit: FOUND_MAX })).items
      return { items: await this.choices(found.filter(offered).map((x) => ({ x, reasons: ['found'] }))), numberSearch: this.queries.shortNumberSearch(q) }
    }

    const [similar, grouped] = await Promise.all([this.queries.similarTo(c, staff), this.hotIssues.issueOf(staff, c)])
    const reasons = new Map<string, MergeReason[]>()
    const because = (id: string, reason: MergeReason) => reasons.set(id, [...(reasons.get(id) ?? []), reason])
    for (const id of grouped) because(id, 'hot_issue')
    for (const s of similar) because(s.case.id, 'similar')
    // The hot issue's members first, in the order it lists them (oldest first), then the alike by likeness.
    const known = new Map(similar.map((s) => [s.case.id, s.case]))
    const cases = (await Promise.all([...reasons.keys()].map(async (id) => known.get(id) ?? this.store.cases.get(id)))).filter((x) => !!x)
    // Hot issues group by a measure blind to places (no gate or building read): the weekly report may well hold
    // a community's lamps together, but a merge closes the resident's message, so the issue's messages naming
    // another gate, yard, building, entrance or floor than this one are not offered.
    // The alike in words passed this rule already (alikeness).
    const mine = contentGrams(c.text)
    const samePlace = (x: CaseRecord) => reasons.get(x.id)?.includes('similar') || !placesDiffer(mine, contentGrams(x.text))
    // 同一个问题 is said only of what both name (电梯 and 电梯): the issue also holds messages naming no thing, alike
    // in words only, and of those nobody can tell.
    const things = objectsNamed(c.text)
    const why = (x: CaseRecord) =>
      (reasons.get(x.id) ?? []).map((r) => (r === 'hot_issue' && !sameObject(things, objectsNamed(x.text)) ? 'hot_issue_unsure' : r))
    return { items: await this.choices(cases.filter((x) => offered(x) && samePlace(x)).map((x) => ({ x, reasons: why(x) }))), numberSearch: null }
  }

  /**
   * 合并办理 of a group's messages (a hot issue's): its open messages that she may see, by the station (or office)
   * handling them, the biggest first. The merge folds a message into another for that one's deputy to answer, so
   * one station's messages are never offered to go into another's; each merge is then the single merge, with its
   * checks. Those she may not see (or that do not exist: she is not told which) and those finished are counted.
   */
  async forGroup(staff: StaffPrincipal, caseIds: readonly string[]): Promise<{ groups: GroupMerge[]; notYours: number; finished: number }> {
    const ids = [...new Set(caseIds)]
    if (ids.length > CASE_IDS_MAX) {
      throw new UnprocessableError(`一次最多合并 ${CASE_IDS_MAX} 条留言，请分几次合并`, [{ path: 'ids', message: `最多 ${CASE_IDS_MAX} 条` }])
    }
    const viewer = await this.queries.viewerOf(staff)
    const name = await namer(this.directory)
    const found = await Promise.all(ids.map((id) => this.store.cases.get(id)))
    const seen = found.filter((c): c is CaseRecord => !!c && canSeeCase(viewer, c))
    const open = seen.filter((c) => OPEN_STATUSES.includes(c.status) && !c.mergedInto).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    const byHolder = new Map<string, CaseRecord[]>()
    for (const c of open) {
      const holder = c.stationId ? `station:${c.stationId}` : `office:${c.officeRegionId ?? 'city'}`
      byHolder.set(holder, [...(byHolder.get(holder) ?? []), c])
    }
    const groups = [...byHolder].map(([holder, cases]) => {
      const [kind, id] = holder.split(':') as ['station' | 'office', string]
      const grams = new Map(cases.map((c) => [c.id, contentGrams(c.text)]))
      const items = cases.map((c): GroupMergeItem => {
        const apart = cases.flatMap((into) => {
          const differ = into.id === c.id ? null : placesApart(grams.get(c.id)!, grams.get(into.id)!)
          return differ ? [{ id: into.id, text: mergePlacesText(c, into, differ) }] : []
        })
        return {
          case: c,
          deputyName: c.deputyId ? name('deputy', c.deputyId) : null,
          keepRefusal: mergeTargetRefusal(c) === 'merge_target_answered' ? mergeIntoAnsweredText(c) : null,
          joinRefusal: canTransition('merge', c.status) ? null : refusalText('merge', c),
          apart,
        }
      })
      return { name: name(kind, id), items }
    })
    return { groups: groups.sort((a, b) => b.items.length - a.items.length), notYours: ids.length - seen.length, finished: seen.length - open.length }
  }

  /** The choices with their deputies' names, those that may be chosen first (in their order), then the answered ones. */
  private async choices(found: Array<{ x: CaseRecord; reasons: MergeReason[] }>): Promise<MergeChoice[]> {
    const deputies = found.length ? (await this.directory.prepared()).deputies : null
    const all = found.map(({ x, reasons }) => ({
      case: x,
      reasons,
      deputyName: (x.deputyId && deputies?.get(x.deputyId)?.name) || null,
      answered: x.status === 'replied',
    }))
    return [...all.filter((m) => !m.answered), ...all.filter((m) => m.answered)]
  }
}
