import type Database from 'better-sqlite3'
import type { Random } from '../../src/demo/names.js'

const DAY = 86_400_000

/** Residents of the mini-program (cases name them as mu-N). */
export function writeResidents(db: Database.Database, count: number, start: Date) {
  const insert = db.prepare('INSERT INTO mp_users (id, openid, consent_version, consent_at, created_at) VALUES (?, ?, ?, ?, ?)')
  for (let i = 0; i < count; i++) {
    const at = new Date(start.getTime() + ((i * 1000) % (3 * 365 * DAY))).toISOString()
    insert.run(`mu-${i}`, `o-bench-${i}`, '1', at, at)
  }
}

const KINDS = ['case.assigned', 'case.replied', 'case.acknowledged', 'digest.daily', 'meeting.notice', 'reading.published'] as const

/**
 * Three years of messages: almost all long sent, a tail of this week's still pending,
 * failing or dead, to deputies (bot and mini-program) and residents (mini-program).
 */
export function writeOutbox(db: Database.Database, rand: Random, count: number, start: Date, now: Date, deputies: string[], residents: number) {
  const insert = db.prepare(`INSERT INTO outbox (id, channel, recipient_kind, recipient_id, kind, payload, dedupe_key, status, attempts,
    next_attempt_at, last_error, created_at, sent_at, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const span = now.getTime() - start.getTime()
  for (let i = 0; i < count; i++) {
    const at = new Date(start.getTime() + (span * i) / count)
    const kind = KINDS[Math.floor(rand() * KINDS.length)]
    const toResident = kind === 'case.replied' || kind === 'case.acknowledged'
    const recipient = toResident ? `mu-${Math.floor(rand() * residents)}` : deputies[Math.floor(rand() * deputies.length)]
    const recent = now.getTime() - at.getTime() < 7 * DAY
    const r = rand()
    const status = !recent ? (r < 0.99 ? 'sent' : 'dead') : r < 0.8 ? 'sent' : r < 0.9 ? 'pending' : r < 0.97 ? 'failed' : 'dead'
    const attempts = status === 'sent' ? 1 : status === 'pending' ? 0 : status === 'failed' ? 2 : 8
    const next = status === 'failed' ? new Date(now.getTime() + rand() * DAY) : at
    const channel = toResident ? 'mp' : rand() < 0.6 ? 'bot' : 'mp'
    insert.run(
      `ob-${i.toString(36)}`,
      channel,
      toResident ? 'resident' : 'deputy',
      recipient,
      kind,
      JSON.stringify({ title: '通知', text: '您有一条新消息' }),
      `bench:${i}`,
      status,
      attempts,
      next.toISOString(),
      status === 'failed' || status === 'dead' ? 'errcode 43101' : null,
      at.toISOString(),
      status === 'sent' ? new Date(at.getTime() + 5000).toISOString() : null,
      status === 'sent' ? `o-${recipient}` : null,
    )
  }
}

/** Surveys and consultations of three years, their responses spread over each survey's month. */
export function writeSurveyResponses(
  db: Database.Database,
  rand: Random,
  count: number,
  start: Date,
  now: Date,
  stations: Array<{ id: string; districtId: string }>,
) {
  const surveys = 40
  const insertSurvey = db.prepare(`INSERT INTO surveys (id, short_code, kind, title, description, questions, articles, ballot, anonymous, opens_at, closes_at,
    response_cap, response_count, district_ids, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?, NULL, ?, '[]', 'sf0001', ?, ?)`)
  const insert =
    db.prepare(`INSERT INTO survey_responses (id, survey_id, respondent_key, mp_user_id, deputy_id, station_id, district_id, via, answers, comments, created_at)
    VALUES (?, ?, ?, ?, NULL, ?, ?, 'qr', ?, '[]', ?)`)
  const questions = JSON.stringify([{ id: 'q1', kind: 'single', text: '您对社区环境满意吗？', required: true, options: ['满意', '一般', '不满意'] }])
  const span = now.getTime() - start.getTime()
  for (let s = 0; s < surveys; s++) {
    const opens = new Date(start.getTime() + (span * s) / surveys)
    const closes = new Date(opens.getTime() + 30 * DAY)
    const per = Math.floor(count / surveys) + (s < count % surveys ? 1 : 0)
    insertSurvey.run(
      `sv-bench-${s}`,
      `B${String(s).padStart(5, '0')}`,
      'survey',
      `第${s + 1}期民意调查`,
      '听取居民意见',
      questions,
      '[]',
      opens.toISOString(),
      closes.toISOString(),
      per,
      opens.toISOString(),
      opens.toISOString(),
    )
    for (let i = 0; i < per; i++) {
      const station = stations[Math.floor(rand() * stations.length)]
      const at = new Date(opens.getTime() + rand() * 30 * DAY).toISOString()
      insert.run(
        `rs-${s}-${i}`,
        `sv-bench-${s}`,
        `rk-${i}`,
        `mu-${i}`,
        station.id,
        station.districtId,
        JSON.stringify({ q1: ['满意', '一般', '不满意'][i % 3] }),
        at,
      )
    }
  }
}
