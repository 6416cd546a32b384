/**
 * Each office's topic classifier: the model learned from the corpus, plus, once the
 * office's model has been retrained, what its staff's corrections taught it. A training
 * is recorded in the store with the instant it learned up to, so every backend instance
 * builds the same model from the same corrections (re-reading the trainings every few
 * minutes), and corrections made since wait for the next retraining.
 */
import type { Clock } from '../../clock.js'
import type { CaseRecord } from '../../domain/case.js'
import { compileTopicModel, countTopics, type PreparedCounts, type TopicExample } from '../../domain/topic-model.js'
import type { TopicClassifier } from '../../domain/topics.js'
import type { Store, TopicTraining } from '../../store/ports.js'
export type { TopicTraining }
import { CORPUS_FILE, corpusCounts } from './topic-corpus.js'

/** The office a case's corrections teach, and whose model classifies messages from its place. */
export const CITY_OFFICE = 'city'
export function officeOf(place: { districtId: string | null; handlingDistrictId?: string | null }): string {
  return place.districtId ?? place.handlingDistrictId ?? CITY_OFFICE
}

export interface TopicModelSettings {
  topics: readonly string[]
  keywords: Readonly<Record<string, readonly string[]>>
  /** How many corpus messages one staff correction counts for: an office's own words should outweigh the generic corpus. */
  correctionWeight?: number
  /** How often to look for another instance's retraining. */
  reloadMs?: number
  corpusFile?: string
}

interface OfficeModel {
  classify: TopicClassifier
  training: TopicTraining
}

export class TopicModels {
  private corpus: PreparedCounts | null = null
  private baseModel: TopicClassifier | null = null
  private offices = new Map<string, OfficeModel>()
  private loaded: { until: number; done: Promise<void> } | null = null

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: TopicModelSettings,
  ) {}

  /** The corpus's model, which every office starts from; counted on first use (cached on disk: see corpusCounts). */
  base(): TopicClassifier {
    if (!this.baseModel) this.baseModel = compileTopicModel(this.counts(), null, this.settings.keywords)
    return this.baseModel
  }

  /** The classifier for messages from this office's place. */
  async forOffice(office: string): Promise<TopicClassifier> {
    await this.current()
    return this.offices.get(office)?.classify ?? this.base()
  }

  /**
   * Retrains the office's model from the corpus and all its corrections so far, records the
   * training, and uses it from now on. `by` is a staff id, or null for the nightly job.
   */
  async retrain(office: string, by: string | null): Promise<TopicTraining> {
    const upTo = this.clock.now()
    const { classify, corrections } = await this.build(office, upTo)
    const training: TopicTraining = { office, trainedAt: upTo, upTo, corrections, trainedBy: by }
    await this.store.topicCorrections.recordTraining(training)
    this.offices.set(office, { classify, training })
    return training
  }

  /** Every office with corrections (or those of them in `within`), retrained. */
  async retrainAll(by: string | null, within?: (office: string) => boolean): Promise<TopicTraining[]> {
    const offices = (await this.store.topicCorrections.offices()).filter((o) => !within || within(o))
    const out: TopicTraining[] = []
    for (const office of offices) out.push(await this.retrain(office, by))
    return out
  }

  /** The trainings this instance uses, by office. */
  async trainings(): Promise<TopicTraining[]> {
    await this.current()
    return [...this.offices.values()].map((m) => m.training).sort((a, b) => a.office.localeCompare(b.office))
  }

  private counts(): PreparedCounts {
    if (!this.corpus) this.corpus = corpusCounts(this.settings.topics, this.settings.corpusFile ?? CORPUS_FILE)
    return this.corpus
  }

  /** Trainings recorded by any instance, rebuilt here when newer than what this one has. */
  private current(): Promise<void> {
    const now = Date.now()
    if (!this.loaded || this.loaded.until < now) {
      const done = this.reload()
      this.loaded = { until: now + (this.settings.reloadMs ?? 5 * 60_000), done }
      done.catch(() => (this.loaded = null))
    }
    return this.loaded.done
  }

  private async reload() {
    for (const training of await this.store.topicCorrections.latestTrainings()) {
      const held = this.offices.get(training.office)
      if (held && held.training.trainedAt.getTime() >= training.trainedAt.getTime()) continue
      const { classify } = await this.build(training.office, training.upTo)
      this.offices.set(training.office, { classify, training })
    }
  }

  private async build(office: string, upTo: Date) {
    const corrections = await this.store.topicCorrections.list(office, upTo)
    const weight = this.settings.correctionWeight ?? 12
    const examples: TopicExample[] = []
    for (const c of corrections) {
      // An erased case leaves nothing to learn from; an anonymised one its masked words.
      const record: CaseRecord | null = await this.store.cases.get(c.caseId)
      if (record?.text) examples.push({ text: record.text, topic: c.toTopic, weight })
    }
    const extra = examples.length ? countTopics(examples, this.settings.topics) : null
    return { classify: compileTopicModel(this.counts(), extra, this.settings.keywords), corrections: corrections.length }
  }
}
