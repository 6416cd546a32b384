import { Schema, type Connection } from 'mongoose'
import type { TopicCorrection, TopicCorrectionRepo, TopicTraining } from '../ports.js'
import { isDuplicateKey } from './errors.js'

/** The mongo side of sqlite's 022_topic_corrections.sql: one document per corrected case, `_id` the case id. */
interface CorrectionDoc {
  _id: string
  office: string
  fromTopic: string
  toTopic: string
  correctedBy: string
  at: Date
}
type TrainingDoc = TopicTraining

const correctionOf = (d: CorrectionDoc): TopicCorrection => ({
  caseId: d._id,
  office: d.office,
  fromTopic: d.fromTopic,
  toTopic: d.toTopic,
  correctedBy: d.correctedBy,
  at: new Date(d.at),
})
const trainingOf = (d: TrainingDoc): TopicTraining => ({
  office: d.office,
  trainedAt: new Date(d.trainedAt),
  upTo: new Date(d.upTo),
  corrections: d.corrections,
  trainedBy: d.trainedBy ?? null,
})

export async function topicCorrectionRepo(conn: Connection): Promise<TopicCorrectionRepo> {
  const Correction = conn.model<CorrectionDoc>(
    'TopicCorrection',
    new Schema<CorrectionDoc>(
      { _id: String, office: String, fromTopic: String, toTopic: String, correctedBy: String, at: Date },
      { versionKey: false, id: false },
    ).index({ office: 1, at: 1 }),
    'topic_corrections',
  )
  const Training = conn.model<TrainingDoc>(
    'TopicTraining',
    new Schema<TrainingDoc>(
      { office: String, trainedAt: Date, upTo: Date, corrections: Number, trainedBy: { type: String, default: null } },
      { versionKey: false, id: false },
    ).index({ office: 1, trainedAt: -1 }),
    'topic_trainings',
  )
  await Promise.all([Correction.createCollection(), Training.createCollection()])
  await upgradeDeputyTopics(conn)
  return {
    async record(c) {
      // One document per case: the replacement is atomic without a transaction.
      await Correction.replaceOne(
        { _id: c.caseId },
        { office: c.office, fromTopic: c.fromTopic, toTopic: c.toTopic, correctedBy: c.correctedBy, at: c.at },
        { upsert: true },
      )
    },
    async list(office, upTo) {
      const filter = upTo ? { office, at: { $lte: upTo } } : { office }
      return (await Correction.find(filter).sort({ at: 1, _id: 1 }).lean<CorrectionDoc[]>()).map(correctionOf)
    },
    async offices() {
      return ((await Correction.distinct('office')) as string[]).sort()
    },
    async recordTraining(t) {
      await Training.create({ office: t.office, trainedAt: t.trainedAt, upTo: t.upTo, corrections: t.corrections, trainedBy: t.trainedBy })
    },
    async latestTrainings() {
      const latest = await Training.aggregate<TrainingDoc>([
        { $sort: { office: 1, trainedAt: -1, _id: -1 } },
        { $group: { _id: '$office', doc: { $first: '$$ROOT' } } },
        { $replaceRoot: { newRoot: '$doc' } },
        { $sort: { office: 1 } },
      ])
      return latest.map(trainingOf)
    },
  }
}

/**
 * The mongo side of the deputies part of 022_topic_corrections.sql, once per database
 * (marked in `store_upgrades`): a deputy who followed 社会保障 or 社区治理 also follows the
 * topic split off it (劳动就业, 物业管理). Once only, so that a deputy whose new topic was
 * later taken off keeps it off.
 */
async function upgradeDeputyTopics(conn: Connection) {
  const upgrades = conn.collection<{ _id: string; at: Date }>('store_upgrades')
  const name = '022_topic_list'
  if (await upgrades.findOne({ _id: name })) return
  const deputies = conn.collection<{ topics: string[] }>('deputies')
  for (const [had, added] of [
    ['社会保障', '劳动就业'],
    ['社区治理', '物业管理'],
  ]) {
    await deputies.updateMany({ $and: [{ topics: had }, { topics: { $ne: added } }] }, { $push: { topics: added } })
  }
  try {
    await upgrades.insertOne({ _id: name, at: new Date() })
  } catch (err) {
    // Another instance opening the same database did it at the same moment.
    if (!isDuplicateKey(err)) throw err
  }
}
