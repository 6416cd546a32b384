import type { Db } from './open.js'
import type { TopicCorrection, TopicCorrectionRepo, TopicTraining } from '../ports.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const correctionFromRow = (r: any): TopicCorrection => ({
  caseId: r.case_id,
  office: r.office,
  fromTopic: r.from_topic,
  toTopic: r.to_topic,
  correctedBy: r.corrected_by,
  at: new Date(r.at),
})
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const trainingFromRow = (r: any): TopicTraining => ({
  office: r.office,
  trainedAt: new Date(r.trained_at),
  upTo: new Date(r.up_to),
  corrections: r.corrections,
  trainedBy: r.trained_by ?? null,
})

export function topicCorrectionRepo(db: Db): TopicCorrectionRepo {
  const upsert = db.prepare(
    `INSERT INTO topic_corrections (case_id, office, from_topic, to_topic, corrected_by, at) VALUES (@caseId, @office, @fromTopic, @toTopic, @correctedBy, @at)
     ON CONFLICT (case_id) DO UPDATE SET office = excluded.office, from_topic = excluded.from_topic, to_topic = excluded.to_topic,
       corrected_by = excluded.corrected_by, at = excluded.at`,
  )
  return {
    async record(c) {
      upsert.run({ ...c, at: c.at.toISOString() })
    },
    async list(office, upTo) {
      const rows = upTo
        ? db.prepare('SELECT * FROM topic_corrections WHERE office = ? AND at <= ? ORDER BY at, case_id').all(office, upTo.toISOString())
        : db.prepare('SELECT * FROM topic_corrections WHERE office = ? ORDER BY at, case_id').all(office)
      return rows.map(correctionFromRow)
    },
    async offices() {
      return (db.prepare('SELECT DISTINCT office FROM topic_corrections ORDER BY office').all() as Array<{ office: string }>).map((r) => r.office)
    },
    async recordTraining(t) {
      db.prepare('INSERT INTO topic_trainings (office, trained_at, up_to, corrections, trained_by) VALUES (?, ?, ?, ?, ?)').run(
        t.office,
        t.trainedAt.toISOString(),
        t.upTo.toISOString(),
        t.corrections,
        t.trainedBy,
      )
    },
    async latestTrainings() {
      const rows = db
        .prepare(
          `SELECT t.* FROM topic_trainings t
          WHERE t.rowid = (SELECT u.rowid FROM topic_trainings u WHERE u.office = t.office ORDER BY u.trained_at DESC, u.rowid DESC LIMIT 1)
          ORDER BY t.office`,
        )
        .all()
      return rows.map(trainingFromRow)
    },
  }
}
