import type { Clock } from '../../clock.js'
import { GONE, notADistrict } from '../../domain/choice-words.js'
import { DEFAULT_POINT_RULES, ruleProblems, type PointRule } from '../../domain/record-points.js'
import { ForbiddenError, UnprocessableError } from '../../errors.js'
import type { Region } from '../../domain/directory.js'
import type { PointRuleSet, Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { staffScope } from '../../domain/staff-scope.js'
import { officeName, officeToAsk } from '../../domain/office-name.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

export const CITY_OFFICE = 'city'

/**
 * Each office's point rules: the city's are seeded with the defaults the first time they are
 * needed; a district that has not set its own counts by the city's. An office is the city or
 * a district, as a deputy's points count by their district's rules (RecordScope.officeOf).
 * Organizers change their district's rules, city organizers and admins the city's (and any
 * district's); a street organizer reads the rules of the district above their street but does
 * not change them, as they count for that district's other streets too. Audited.
 */
export class PointRules {
  constructor(
    private readonly store: Pick<Store, 'pointRules' | 'regions'>,
    private readonly clock: Clock,
    private readonly audit: Pick<AuditTrail, 'record'>,
    /** Names the office that sets the rules a refusal speaks of. */
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
  ) {}

  /** The rules that count for an office (a district id, or null for the city): its own, else the city's. */
  async effective(office: string | null): Promise<PointRuleSet> {
    const own = office ? await this.store.pointRules.get(office) : null
    return own ?? (await this.city())
  }

  /** The rules an organizer reads and edits: their own district's (or the city's they fall back on). */
  async read(staff: StaffPrincipal, office: string | undefined): Promise<PointRuleSet & { inherited: boolean }> {
    const { target } = await this.officeFor(staff, office, 'query.office')
    const set = await this.effective(target === CITY_OFFICE ? null : target)
    return { ...set, office: target, inherited: set.office !== target }
  }

  async save(staff: StaffPrincipal, office: string | undefined, rules: PointRule[]): Promise<PointRuleSet> {
    const { target, editable } = await this.officeFor(staff, office, 'body.office')
    if (!editable) {
      const name = (await this.store.regions.get(target))?.name ?? '这个区县'
      // Whose rules they are, and the office that sets them, by name: 湛河区的积分规则由湛河区人大常委会办公室设置.
      const setter = officeName(target, await this.directory.prepared())
      throw new ForbiddenError(`${name}的积分规则由${setter}设置`, 'outside_scope', [{ path: 'body.office', message: `不能修改${name}的积分规则` }])
    }
    const problems = ruleProblems(rules)
    if (problems.length)
      throw new UnprocessableError(
        '积分规则有误',
        problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
        'invalid_rules',
      )
    const before = await this.store.pointRules.get(target)
    const set: PointRuleSet = { office: target, rules, updatedBy: staff.id, updatedAt: this.clock.now() }
    await this.store.pointRules.save(set)
    await this.audit.record(staff, 'record.rules_saved', { kind: 'point_rules', id: target }, { before: before?.rules ?? null, after: rules })
    return set
  }

  private async city(): Promise<PointRuleSet> {
    const stored = await this.store.pointRules.get(CITY_OFFICE)
    if (stored) return stored
    const seeded: PointRuleSet = { office: CITY_OFFICE, rules: DEFAULT_POINT_RULES, updatedBy: 'system', updatedAt: this.clock.now() }
    await this.store.pointRules.seedIfAbsent(seeded)
    return (await this.store.pointRules.get(CITY_OFFICE)) ?? seeded
  }

  /**
   * Which office's rules this person works on, and whether they may change them. The office is
   * the city or an existing district, the only offices whose rules ever count; an organizer
   * works on their districts' rules, a street organizer reads those of the district above.
   */
  private async officeFor(staff: StaffPrincipal, office: string | undefined, path: string): Promise<{ target: string; editable: boolean }> {
    const scope = staffScope(staff)
    // A clerk is sent to the office by its name: her stations' district's, else the whole installation's.
    if (scope.kind === 'none') throw new ForbiddenError(`积分规则由${officeToAsk(staff, await this.directory.prepared())}设置`, 'organizers_only')
    const place = office === undefined || office === CITY_OFFICE ? null : await this.store.regions.get(office)
    if (office !== undefined && office !== CITY_OFFICE && place?.kind !== 'district')
      throw new UnprocessableError('积分规则只能按全市或区县设置', [{ path, message: place ? notADistrict(place.name) : GONE.district }], 'unknown_office')
    if (scope.kind === 'city') return { target: office ?? CITY_OFFICE, editable: true }
    // Each region assigned reads its district's rules (a district its own); only a district assigned as a whole edits them.
    const districts = (await Promise.all(scope.regionIds.map((id) => this.districtAbove(id)))).flatMap((d) => (d ? [d.id] : []))
    const target = office ?? districts[0]
    if (!target || !districts.includes(target)) throw new ForbiddenError('只能查看和设置本区县的积分规则', 'outside_scope')
    return { target, editable: scope.regionIds.includes(target) }
  }

  /** The district a region lies in (itself when it is one); null when the tree has none above it. */
  private async districtAbove(regionId: string): Promise<Region | null> {
    const seen = new Set<string>()
    for (let r = await this.store.regions.get(regionId); r && !seen.has(r.id); r = r.parentId ? await this.store.regions.get(r.parentId) : null) {
      if (r.kind === 'district') return r
      seen.add(r.id)
    }
    return null
  }
}
