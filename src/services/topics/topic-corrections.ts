/**
 * Staff correct a case's topic (the console's 更正主题): the case takes the new topic,
 * its timeline says who changed it from what to what, the audit log records it, and the
 * correction is kept for the office's model, which learns it at its next retraining (on
 * demand by an organizer or admin, or nightly).
 */
import type { Clock } from '../../clock.js'
import { canSeeCase } from '../../domain/case-access.js'
import type { CaseRecord } from '../../domain/case.js'
import { GONE, notADistrict } from '../../domain/choice-words.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from '../../errors.js'
import type { Store, TopicTraining } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import { caseEvent, staffActor } from '../cases/case-changes.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { CITY_OFFICE, officeOf, type TopicModels } from './topic-models.js'
import { staffScope } from '../../domain/staff-scope.js'
import { officeToAsk } from '../../domain/office-name.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

export interface TopicCorrectionsDeps {
  store: Store
  /** Who may see a case: a street organizer by the stations in their street, as the directory stands. */
  directory: Pick<DirectoryCache, 'caseViewer' | 'prepared'>
  models: TopicModels
  audit: AuditTrail
  topics: readonly string[]
  clock: Clock
}

export class TopicCorrections {
  private readonly store: Store
  private readonly directory: Pick<DirectoryCache, 'caseViewer' | 'prepared'>
  private readonly models: TopicModels
  private readonly audit: AuditTrail
  private readonly topics: readonly string[]
  private readonly clock: Clock

  constructor(deps: TopicCorrectionsDeps) {
    ;({ store: this.store, directory: this.directory, models: this.models, audit: this.audit, topics: this.topics, clock: this.clock } = deps)
  }

  /** `from`: the topic the person saw; when the case has another since, nothing changes and they are told which. */
  async correct(staff: StaffPrincipal, caseId: string, topic: string, from?: string): Promise<CaseRecord> {
    if (!this.topics.includes(topic)) {
      throw new ValidationError(
        '请从主题列表中选择',
        [{ path: 'body.topic', message: `"${topic}" 不在主题列表中（${this.topics.join('、')}）` }],
        'unknown_topic',
      )
    }
    const c = await this.store.cases.get(caseId)
    // Writes are held to the same scope as reads; not visible is not found.
    if (!c || !canSeeCase(await this.directory.caseViewer(staff), c)) throw new NotFoundError('留言不存在')
    if (c.topic === topic) throw new ConflictError(`留言主题已是「${topic}」`, [{ path: 'body.topic', message: topic }], 'topic_unchanged')
    if (from !== undefined && from !== c.topic)
      throw new ConflictError(
        `这条留言的主题刚被改为「${c.topic}」，没有再更正。请看一下现在的主题是否还需要更正`,
        [{ path: 'body.from', message: `现在的主题是「${c.topic}」` }],
        'topic_changed',
      )
    const now = this.clock.now()
    const event = caseEvent(c, 'recategorized', staffActor(staff), now, {
      note: `主题由「${c.topic}」改为「${topic}」`,
      data: { fromTopic: c.topic, toTopic: topic },
    })
    // The case first: its version check refuses a correction of a case changed meanwhile.
    const updated = await this.store.cases.update({ ...c, topic, updatedAt: now }, [event], [])
    await this.store.topicCorrections.record({ caseId: c.id, office: officeOf(c), fromTopic: c.topic, toTopic: topic, correctedBy: staff.id, at: now })
    await this.audit.record(staff, 'case.topic_corrected', { kind: 'case', id: c.id }, { ticket: c.ticket, from: c.topic, to: topic })
    return updated
  }

  /**
   * Retrains the office models within the organizer's districts (every office for an admin
   * or a city-wide organizer): one office when `districtId` is given, else all that have
   * corrections. An office is the city or an existing district, as cases teach and are
   * classified by their district's model (officeOf); any other id would train a model nothing uses.
   */
  async retrain(staff: StaffPrincipal, districtId?: string): Promise<TopicTraining[]> {
    const scope = staffScope(staff)
    // A clerk is told which office retrains her messages' model, by its name: her stations' district's, else the installation's.
    if (scope.kind === 'none') throw new ForbiddenError(`只有${officeToAsk(staff, await this.directory.prepared())}可以改进主题分类`)
    const inScope = (office: string) => scope.kind === 'city' || (office !== CITY_OFFICE && scope.covers(office))
    if (districtId !== undefined) {
      const place = districtId === CITY_OFFICE ? null : await this.store.regions.get(districtId)
      if (districtId !== CITY_OFFICE && place?.kind !== 'district')
        throw new UnprocessableError(
          '只能按区县改进主题分类',
          [{ path: 'body.districtId', message: place ? notADistrict(place.name) : GONE.district }],
          'not_a_district',
        )
      if (!inScope(districtId))
        throw new ForbiddenError('只能改进本辖区的主题分类', 'outside_scope', [
          { path: 'body.districtId', message: place ? `${place.name}不在您的辖区` : await this.wholeModelWords() },
        ])
      const trainings = [await this.models.retrain(districtId, staff.id)]
      await this.audit.record(staff, 'topics.retrained', null, { offices: [districtId] })
      return trainings
    }
    const trainings = await this.models.retrainAll(staff.id, inScope)
    await this.audit.record(staff, 'topics.retrained', null, { offices: trainings.map((t) => t.office) })
    return trainings
  }

  /** Who retrains the model of the whole installation: 市人大常委会办公室 in a city, a district's own office in a district's Liaison. */
  private async wholeModelWords() {
    const office = (await this.directory.prepared()).index.office
    return office.ofCity ? `全市的主题分类由${office.name}改进` : `全辖区的主题分类由${office.name}改进`
  }
}
