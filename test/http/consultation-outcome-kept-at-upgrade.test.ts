import Database from 'better-sqlite3'
import { expect } from 'chai'
import { asAdmin, asResident, Client, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'
import { storeFileForEachTest } from '../helpers/store-file.js'
import { consultationBody } from '../helpers/surveys.js'

/**
 * An office published a consultation's 采纳情况 before the upgrade that made it a field of the
 * consultation (migration 063; an older version kept it as a one-off step, app_markers). After
 * the upgrade it is still published: 王阿姨 reads 采纳情况（已公布） on her page, anyone reads the
 * summary, and the console reads it on the consultation itself.
 */
describe('立法征求意见: a 采纳情况 published before the upgrade stays published', () => {
  const file = storeFileForEachTest()

  /** The office's consultation, her opinion decided, the consultation closed and its 采纳情况 published. */
  async function publishedBeforeUpgrade(app: TestApp) {
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const office = await asAdmin(app)
    const made = await office.post('/api/admin/surveys', consultationBody({ anonymous: false }))
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    const id = made.body.id as string
    const wang = await asResident(app, 'o-wang-ayi')
    const sent = await wang.post(`/api/mp/surveys/${id}/responses`, {
      answers: { q1: 'o1' },
      comments: [{ articleId: 'a1', text: '建议写明老旧小区也要补种树木' }],
    })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const [hers] = (await office.get(`/api/admin/surveys/${id}/opinions`)).body.items as Array<{ id: string }>
    const decided = await office.post(`/api/admin/surveys/${id}/opinions/${hers!.id}/decision`, {
      outcome: 'partly_adopted',
      reason: '第二十条增加老旧小区补绿的规定',
    })
    expect(decided.status, JSON.stringify(decided.body)).to.equal(200)
    app.clock.set(new Date('2026-12-01T02:00:00Z'))
    const published = await (await asAdmin(app)).post(`/api/admin/surveys/${id}/outcome/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    return id
  }

  it('she still reads the 采纳情况 and anyone the summary; the console reads it on the consultation', async () => {
    const before = await file.start({ directory: meetingCity() })
    const id = await publishedBeforeUpgrade(before)
    await before.close()

    // The file as the older version left it: the publishing kept as a marker, no column for it, 063 not applied.
    const db = new Database(file.path())
    const at = db.prepare('SELECT outcome_published_at FROM surveys WHERE id = ?').pluck().get(id) as string
    db.prepare('INSERT INTO app_markers (name, done_at) VALUES (?, ?)').run(`survey-outcome-published:${id}`, at)
    db.exec('DROP INDEX survey_opinions_page')
    db.exec('ALTER TABLE surveys DROP COLUMN outcome_published_at')
    db.prepare('DELETE FROM schema_migrations WHERE version = 63').run()
    db.close()

    const app = await file.start()
    app.clock.set(new Date('2026-12-02T02:00:00Z'))
    const wang = await asResident(app, 'o-wang-ayi')
    const mine = (await wang.get(`/api/mp/surveys/${id}/my-opinions`)).body
    expect(mine.items.map((o: { outcomeText: string }) => o.outcomeText)).to.deep.equal(['部分采纳：第二十条增加老旧小区补绿的规定'])
    expect(mine.outcomePublished, 'her page shows 采纳情况（已公布）').to.equal(true)

    const summary = await new Client(app.baseUrl).get(`/api/public/consultations/${id}/outcome`)
    expect(summary.status, JSON.stringify(summary.body)).to.equal(200)
    expect(summary.body).to.include({ title: '青澜市城市绿化条例（草案）征求意见', opinions: 1, adopted: 1 })
    expect(summary.body.articles[0]).to.deep.include({ number: '第一条', partlyAdopted: 1, reasons: ['部分采纳：第二十条增加老旧小区补绿的规定'] })

    const office = await asAdmin(app)
    expect((await office.get(`/api/admin/surveys/${id}`)).body.outcomePublishedAt, 'the consultation itself says it').to.be.a('string')
    // Published once: pressing 公布采纳情况 again is answered as done, and still nobody's words are public.
    const again = await office.post(`/api/admin/surveys/${id}/outcome/publish`)
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(JSON.stringify((await new Client(app.baseUrl).get(`/api/public/consultations/${id}/outcome`)).body)).not.to.contain('建议写明老旧小区')
    expect(await app.liaison.store.markers.doneAt(`survey-outcome-published:${id}`), 'one record of it: the marker is gone').to.equal(null)
  })
})
