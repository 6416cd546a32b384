import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { STREET_LIGHT_LINE, useAnsweredMessage } from './rated-answer.js'

/**
 * 老李 gives 张伟's answer a bare "2" and then writes why, at length. 张伟 reads every word of it: whole in the
 * chat notice, and whole on his page of the message, which his subscribe card ("请点开看群众的话") opens — not
 * the first 40 characters and "…".
 */
describe('bot: the deputy reads the whole of a long rating comment', function () {
  this.timeout(60_000)
  const story = useAnsweredMessage()
  const { say, stored, ratingReachesDeputy } = story
  const COMMENT = `路灯还是没修好。${'供电所的人来看过一次，说要换灯杆，可是到现在也没人来换，晚上老人出门只能打手电。'.repeat(8)}`.slice(0, 300)

  it('his chat notice carries all 300 characters, and his page of the message shows them under 群众评价', async () => {
    expect(await say('3')).to.include('还有什么想对代表说的')
    expect(await say(COMMENT)).to.include('是对刚才答复的意见，还是要反映新的问题')
    expect(await say('1')).to.include('已经转给代表了')
    expect((await stored())!.ratingComment).to.equal(COMMENT)

    expect(await ratingReachesDeputy()).to.deep.equal([`您答复的留言 ${story.ticket} 获得 3 分评价。群众说：${COMMENT}${STREET_LIGHT_LINE}`])

    const page = (await (await asDeputy(story.app, 'dp0001')).get(`/api/mp/deputy/cases/${(await stored())!.id}`)).body
    const step = (page.timeline as Array<{ label: string; note: string | null }>).find((e) => e.label.startsWith('群众评价'))
    expect(step, JSON.stringify(page.timeline)).to.deep.include({ label: '群众评价：3 分', note: COMMENT })
  })
})
