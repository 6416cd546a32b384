import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/** Whether a pair of brackets opens inside another: "（会议：…，11月26日（星期四）…）" reads as a puzzle to him. */
function bracketsNest(text: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === '（' || ch === '(') {
      if (++depth > 1) return true
    } else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1)
  }
  return false
}

/**
 * 张伟 (in his sixties) answers a meeting notice in the chat: asked, excused, his reason changed, back to 参加, and
 * after the deadline turned away. Every answer names the meeting and its time, 11月26日（星期四）上午9:30至上午11:30,
 * which has its own brackets: none puts it inside another pair.
 */
describe('bot: what a deputy reads about his meeting never puts a bracketed time inside brackets', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()

  const MEETING = '会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。'

  it('asks, excuses, changes and refuses with the meeting named in a sentence of its own', async () => {
    await story.noticeReachesHim({ rsvpDeadline: '2026-11-25T18:00:00+08:00' })
    const heard: string[] = []
    const say = async (words: string) => {
      const answer = await story.says(words)
      heard.push(answer)
      return answer
    }

    expect(await say('好的')).to.equal(`${MEETING}请回复"参加"，或"请假 原因"`)
    expect(await say('去不了')).to.include(`${MEETING}请写明请假原因，例如：`)
    expect(await say('取消')).to.include(`好的，没有请假。${MEETING}`)
    expect(await say('请假 家里有事')).to.equal('已为您请假：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。原因：家里有事')
    expect(await say('请假 单位要加班')).to.equal(`已更新请假原因：单位要加班。${MEETING}`)
    expect(await say('参加')).to.include('已改为参加：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30，地点')
    story.app.clock.set(new Date('2026-11-25T12:00:00Z')) // 20:00 in Shanghai, past the deadline
    expect(await say('请假，家里有事')).to.include('您已回复参加这个会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。')

    expect(heard.filter(bracketsNest), 'no bracket inside another').to.deep.equal([])
  })
})
