import type { CaseEvent, CaseRecord } from '../../domain/case.js'
import { handedOnByHim, handedToHimBy, placedByStaff } from '../../domain/case-hand-backs.js'
import { notHisNowText } from '../../domain/case-refusals.js'
import type { HandedBy } from '../../domain/deputy-case-words.js'
import type { PageQuery, Store } from '../../store/ports.js'
import { officeName } from '../../domain/office-name.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

/**
 * A deputy's 转交 as the deputies on either side of it read it afterwards, each place (his 我的待办, the chat's 待办,
 * the chat's refusals, his page) from the same reads: one colleague handed him a message, or he handed one on.
 */

/**
 * Of his new messages (not yet acknowledged), those a colleague handed him (转交), with the colleague's name and
 * whether it came back to him (交回), and those staff gave back to him (再次交给您, `staff`): their placing steps in one
 * read, each colleague's name read once.
 */
export async function handedToHim(store: Pick<Store, 'cases' | 'deputies'>, deputyId: string, cases: readonly CaseRecord[]): Promise<Map<string, HandedBy>> {
  const fresh = cases.filter((c) => c.status === 'assigned').map((c) => c.id)
  if (!fresh.length) return new Map()
  const steps = new Map<string, CaseEvent[]>()
  for (const e of await store.cases.placings(fresh)) steps.set(e.caseId, [...(steps.get(e.caseId) ?? []), e])
  const handed = [...steps].flatMap(([id, events]) => {
    const by = handedToHimBy(events, deputyId)
    return by ? [{ id, ...by }] : []
  })
  const again = [...steps].filter(([, events]) => placedByStaff(events, deputyId)?.again).map(([id]) => id)
  const names = new Map<string, string>()
  for (const from of new Set(handed.map((h) => h.fromDeputyId))) names.set(from, (await store.deputies.get(from))?.name ?? '')
  return new Map<string, HandedBy>([
    ...handed.map((h): [string, HandedBy] => [h.id, { name: names.get(h.fromDeputyId) ?? '', back: h.back }]),
    ...again.map((id): [string, HandedBy] => [id, { name: '', back: true, staff: true }]),
  ])
}

/**
 * Why a message he held once is not his now (notHisNowText), from its timeline: handed on by himself to a colleague
 * who has it still, said as his own move by the colleague's name ("您已转给王芳代表办理"); else as it was moved,
 * to the office by its name (officeName of the message's office). `directory` is required: left out, the office was
 * a bare 人大常委会办公室 in the chat while his page named it (湛河区人大常委会办公室), and nothing told it was missing.
 */
export async function notHisNowSaid(
  store: Pick<Store, 'deputies'>,
  directory: Pick<DirectoryCache, 'prepared'>,
  deputyId: string,
  c: Pick<CaseRecord, 'deputyId' | 'stationId' | 'officeRegionId'>,
  events: readonly CaseEvent[],
  subject?: string,
): Promise<string> {
  const to = handedOnByHim(events, deputyId, c.deputyId)
  const name = to ? ((await store.deputies.get(to))?.name ?? null) : null
  return notHisNowText(c, subject, name, await holdingOffice(c, directory))
}

/**
 * Whether he handed the message on himself (a 转交 of his, to a colleague or back to the station or office): one he
 * holds no longer is then in his 已转出 (CaseRepo.handedOnBy reads the same steps). Said with the refusal to read it
 * (case_not_his), so that his page shows the way to that list without reading the list.
 */
export const handedOnByHimself = (events: readonly CaseEvent[], deputyId: string) =>
  events.some((e) => e.type === 'transferred' && e.actorRole === 'deputy' && e.actorId === deputyId)

/** The office that holds a message no station does, by its name; null while a station holds it. */
export async function holdingOffice(c: Pick<CaseRecord, 'stationId' | 'officeRegionId'>, directory: Pick<DirectoryCache, 'prepared'>) {
  return c.stationId ? null : officeName(c.officeRegionId ?? 'city', await directory.prepared())
}

/** Where a place (a station, an office) or a deputy stands by name: one of the three, the others null. */
export interface NamedPlace {
  deputy: string | null
  station: string | null
  office: string | null
}

/**
 * A message he handed on himself: where he handed it (`to`), by name, and no more of who has it now than reading it
 * would tell him (handedOnNowText): `handedOnTo`, the colleague he handed it to while she holds it still; `office`, the
 * office holding it when no station or deputy does.
 */
export interface HandedOnItem {
  case: CaseRecord
  /** His hand-on step (转交), the latest when he handed it on twice. */
  step: CaseEvent
  to: NamedPlace
  handedOnTo: string | null
  office: string | null
}

/**
 * 已转出: the messages he handed on himself (to a colleague, back to the station or office) and holds no longer, newest
 * first (CaseRepo.handedOnBy), each with where he handed it, by name, and who has it now as far as he may know it
 * (handedOnNowText). Only his own steps: a message staff moved from him is not his to follow.
 */
export async function handedOnList(
  store: Pick<Store, 'cases' | 'deputies'>,
  directory: Pick<DirectoryCache, 'prepared'>,
  deputyId: string,
  page: PageQuery,
): Promise<{ items: HandedOnItem[]; nextCursor: string | null }> {
  const [found, prepared] = await Promise.all([store.cases.handedOnBy(deputyId, page), directory.prepared()])
  const deputy = async (id: string) => prepared.deputies.get(id)?.name ?? (await store.deputies.get(id))?.name ?? null
  const station = (id: string) => prepared.stations.get(id)?.name ?? null
  const named = async (deputyId: unknown, stationId: unknown, office: string | null): Promise<NamedPlace> => {
    if (typeof deputyId === 'string' && deputyId) return { deputy: await deputy(deputyId), station: null, office: null }
    if (typeof stationId === 'string' && stationId) return { deputy: null, station: station(stationId), office: null }
    return { deputy: null, station: null, office: office && officeName(office, prepared) }
  }
  const items = await Promise.all(
    found.items.map(async ({ case: c, step }) => ({
      case: c,
      step,
      // Back to the station he names it by (toStation), or the office's queue when no station held it.
      to: await named(step.data.deputyId, step.data.toStation, typeof step.data.toStation === 'string' ? null : (c.officeRegionId ?? 'city')),
      handedOnTo: c.deputyId && c.deputyId === step.data.deputyId ? await deputy(c.deputyId) : null,
      office: c.deputyId || c.stationId ? null : officeName(c.officeRegionId ?? 'city', prepared),
    })),
  )
  return { items, nextCursor: found.nextCursor }
}
