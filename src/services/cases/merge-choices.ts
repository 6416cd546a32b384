import { OPEN_STATUSES, type CaseRecord } from '../../domain/case.js'
import { canSeeCase } from '../../domain/case-access.js'
import type { ShortNumberSearch } from '../../domain/case-search.js'
import { contentGrams, placesDiffer } from '../../domain/similarity.js'
import { NotFoundError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { HotIssueService } from '../analysis/hot-issues.js'
import type { CaseQueries } from './case-queries.js'

/** Why a message is offered to merge into: alike in words, one hot issue with this one, or found by its number. */
export type MergeReason = 'hot_issue' | 'similar' | 'found'

export interface MergeChoice {
  case: CaseRecord
  reasons: MergeReason[]
}

export interface MergeChoicesDeps {
  store: Pick<Store, 'cases'>
  queries: Pick<CaseQueries, 'viewerOf' | 'similarTo' | 'staffCases' | 'shortNumberSearch'>
  hotIssues: Pick<HotIssueService, 'issueOf'>
}

/** Messages a search by number or words lists at most. */
const FOUND_MAX = 20

/**
 * What 与相似留言合并 offers: without a search, the messages 热点问题 groups with this one and those
 * alike in words; with one (a number such as 0001, a ticket, or words), the open messages it finds.
 * Only open messages not merged elsewhere, and only those the staff member may see: the merge
 * itself refuses any other (留言不存在, or merge_target_closed), and one about another place that a search
 * found (merge_places_differ, in words that name both places).
 */
export class MergeChoices {
  private readonly store: Pick<Store, 'cases'>
  private readonly queries: MergeChoicesDeps['queries']
  private readonly hotIssues: MergeChoicesDeps['hotIssues']

  constructor(deps: MergeChoicesDeps) {
    ;({ store: this.store, queries: this.queries, hotIssues: this.hotIssues } = deps)
  }

  async forCase(staff: StaffPrincipal, caseId: string, q?: string): Promise<{ items: MergeChoice[]; numberSearch: ShortNumberSearch | null }> {
    const viewer = await this.queries.viewerOf(staff)
    const c = await this.store.cases.get(caseId)
    if (!c || !canSeeCase(viewer, c)) throw new NotFoundError('留言不存在')
    const mergeable = (x: CaseRecord | null): x is CaseRecord =>
      !!x && x.id !== c.id && OPEN_STATUSES.includes(x.status) && !x.mergedInto && canSeeCase(viewer, x)

    if (q) {
      // A search answers alone: the likeness and the hot issue (reading the place's month) are not asked for.
      const found = (await this.queries.staffCases(staff, { q, open: true }, { limit: FOUND_MAX })).items
      return { items: found.filter(mergeable).map((x) => ({ case: x, reasons: ['found'] })), numberSearch: this.queries.shortNumberSearch(q) }
    }

    const [similar, grouped] = await Promise.all([this.queries.similarTo(c, staff), this.hotIssues.issueOf(staff, c)])
    const reasons = new Map<string, MergeReason[]>()
    const because = (id: string, reason: MergeReason) => reasons.set(id, [...(reasons.get(id) ?? []), reason])
    for (const id of grouped) because(id, 'hot_issue')
    for (const s of similar) because(s.case.id, 'similar')
    // The hot issue's members first, in the order it lists them (oldest first), then the alike by likeness.
    const known = new Map(similar.map((s) => [s.case.id, s.case]))
    const cases = (await Promise.all([...reasons.keys()].map(async (id) => known.get(id) ?? this.store.cases.get(id)))).filter((x) => !!x)
    // Hot issues group by a measure blind to places (digits dropped, no gate or building read): the weekly
    // report may well hold a community's lamps together, but a merge closes the resident's message, so the
    // issue's messages naming another gate, yard, building, entrance or floor than this one are not offered.
    // The alike in words passed this rule already (alikeness).
    const mine = contentGrams(c.text)
    const samePlace = (x: CaseRecord) => reasons.get(x.id)?.includes('similar') || !placesDiffer(mine, contentGrams(x.text))
    return { items: cases.filter((x) => mergeable(x) && samePlace(x)).map((x) => ({ case: x, reasons: reasons.get(x.id) ?? [] })), numberSearch: null }
  }
}
