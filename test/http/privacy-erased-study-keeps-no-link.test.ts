import { expect } from 'chai'
import Database from 'better-sqlite3'
import { asResident, type TestApp } from '../helpers/app.js'
import { addItem, asStaff, createCampaign, levelsCity } from '../helpers/campaign-levels.js'
import { storeFileForEachTest } from '../helpers/store-file.js'

/**
 * 王阿姨 follows the office's study campaign, opens its reading and checks in; then she deletes her data. The office's
 * counts of reads and check-ins stay, but no study row points at her account any more, and she is not kept on the list
 * of followers to remind.
 */
describe('王阿姨 deletes her data: her study records keep no link to her', () => {
  const file = storeFileForEachTest()
  let app: TestApp
  beforeEach(async () => {
    app = await file.start({ directory: levelsCity() })
    app.clock.set(new Date('2026-12-05T02:00:00Z'))
  })

  function rowsOf(table: string, personId: string) {
    const db = new Database(file.path(), { readonly: true })
    try {
      return (db.prepare(`SELECT count(*) FROM ${table} WHERE person_id = ?`).pluck().get(personId) as number) ?? 0
    } finally {
      db.close()
    }
  }

  it('reads, reach and check-ins no longer carry her id; her follow is gone; the read still counts', async () => {
    const chen = await asStaff(app, 'sunli')
    const campaign = await createCampaign(chen, app, { title: '学习宣传新修订的代表法', audience: { districtIds: ['d01'], staff: true, followers: true } })
    const item = await addItem(chen, campaign.id, '代表法修正草案说明')
    const wang = await asResident(app, 'o-wang-ayi')
    expect((await wang.post(`/api/mp/campaigns/${campaign.id}/follow`, {})).status).to.equal(200)
    expect((await wang.get(`/api/mp/reading/${item.id}`)).status).to.equal(200)
    const checked = await wang.post(`/api/mp/campaigns/${campaign.id}/check-ins`, { reflection: '学了很有收获' })
    expect(checked.status, JSON.stringify(checked.body)).to.equal(201)
    const tables = ['reading_reads', 'campaign_followers', 'campaign_check_ins']
    for (const table of tables) expect(rowsOf(table, wang.userId), `${table} before`).to.equal(1)

    expect((await wang.request('DELETE', '/api/mp/me')).status).to.equal(200)
    for (const table of [...tables, 'reading_reach']) expect(rowsOf(table, wang.userId), `${table} after`).to.equal(0)
    const db = new Database(file.path(), { readonly: true })
    try {
      expect(db.prepare('SELECT count(*) FROM reading_reads WHERE item_id = ?').pluck().get(item.id), 'her read still counts').to.equal(1)
      expect(db.prepare('SELECT count(*) FROM campaign_check_ins WHERE campaign_id = ?').pluck().get(campaign.id), 'her check-in still counts').to.equal(1)
      expect(db.prepare('SELECT count(*) FROM campaign_followers WHERE campaign_id = ?').pluck().get(campaign.id), 'nobody to remind').to.equal(0)
    } finally {
      db.close()
    }
  })
})
