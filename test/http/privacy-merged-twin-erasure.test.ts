import { expect } from 'chai'
import { asAdmin, asDeputy, asResident } from '../helpers/app.js'
import { caseCityOnFileForEachTest, sendAllDue } from '../helpers/erasure.js'

/**
 * 王秀兰 and 李四 both write that the stairway light is out; the station merges 李四's message into hers, and the deputy
 * answers her by name with her number. 李四 is told the answer, but not who she is nor her number; and when she deletes
 * her data, the copies of that answer kept under 李四's message go with the rest.
 */
describe('王秀兰 and the message merged into hers', () => {
  const story = caseCityOnFileForEachTest()

  async function mergedAndAnswered(herText: string, answer: string) {
    const wang = await asResident(story.app, 'o-wang-xiulan')
    const li = await asResident(story.app, 'o-li-si')
    const { body: hers } = await wang.post('/api/mp/cases', { text: herText, regionId: 'c010101', phone: '13912345678' })
    const { body: his } = await li.post('/api/mp/cases', { text: '楼道灯坏了，没人修', regionId: 'c010101' })
    const merged = await (await asAdmin(story.app)).post(`/api/admin/cases/${his.id}/merge`, { intoCaseId: hers.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    const deputy = await asDeputy(story.app, (await story.app.liaison.store.cases.get(hers.id))!.deputyId!)
    const replied = await deputy.post(`/api/mp/deputy/cases/${hers.id}/reply`, { text: answer })
    expect(replied.status, JSON.stringify(replied.body)).to.equal(200)
    return { wang, li, hers, his }
  }

  it('李四 is told the answer without her name or her number', async () => {
    const { li, his } = await mergedAndAnswered('我叫王秀兰，电话13912345678，楼道灯坏了', '王秀兰阿姨您好，已联系物业修灯，有事打13912345678找您。')
    const toLi = (await story.app.liaison.store.outbox.search({ limit: 100, recipientId: li.userId })).items.filter((m) => m.kind === 'case.replied')
    expect(toLi, 'one message tells him').to.have.length(1)
    const text = String(toLi[0].payload.text)
    expect(text).to.include('合并办理').and.include('已联系物业修灯')
    expect(text).not.to.include('王秀兰').and.not.include('秀兰').and.not.include('13912345678')
    const page = (await li.get(`/api/mp/cases/${his.id}`)).body
    expect(JSON.stringify(page)).to.include('已联系物业修灯').and.not.include('秀兰').and.not.include('13912345678')
  })

  it('when she deletes her data, the answer copied under 李四’s message no longer names her', async () => {
    // Her message names her without a cue word; another of hers says "我叫王秀兰": the erasure knows the name from that.
    const { wang } = await mergedAndAnswered('楼道灯坏了，晚上看不见路，王秀兰', '已和王秀兰一起找了物业，灯修好了。')
    await wang.post('/api/mp/cases', { text: '我叫王秀兰，小区门口垃圾没人收', regionId: 'c010101' })
    await sendAllDue(story.app, () => 'o-someone')
    expect(story.cellsHolding(['秀兰']).filter((c) => c.startsWith('case_events.note') || c.startsWith('outbox.payload')).length).to.be.greaterThan(2)

    expect((await wang.request('DELETE', '/api/mp/me')).status).to.equal(200)
    expect(story.cellsHolding(['王秀兰', '秀兰', '13912345678'])).to.deep.equal([])
  })
})
