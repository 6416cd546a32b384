import { readFileSync } from 'node:fs'
import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * 张伟 asks "怎么签到" with no meeting begun lately: he is told how, in the names he will see. The help once said
 * 点“会议活动”, but the mini-program's home page has no 会议活动: its menu item is 会议, and on the meeting's page the
 * button is 到会后扫码签到. Each name the help quotes is checked against the pages themselves.
 */
describe('bot: how to sign in at a meeting names what the mini-program shows', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()

  it('says 首页 → “会议” → the meeting → “到会后扫码签到”, each a name on the pages', async () => {
    const said = await story.says('怎么签到')
    expect(said).to.include('最近没有您要签到的会议。')
    expect(said).to.include('开会时到了会场，请在小程序首页点“会议”，点开这个会议，再点“到会后扫码签到”，扫会场张贴的签到二维码。')
    expect(said, 'no menu item of that name').not.to.include('会议活动')

    const home = readFileSync(new URL('../../miniprogram/pages/index/index.wxml', import.meta.url), 'utf8')
    const meeting = readFileSync(new URL('../../miniprogram/pages/meetings/detail.wxml', import.meta.url), 'utf8')
    expect(home, 'the home menu item').to.match(/<t-cell id="meetings" title="会议"/)
    expect(meeting, 'the button on the meeting page').to.include('>到会后扫码签到</t-button>')
  })
})
