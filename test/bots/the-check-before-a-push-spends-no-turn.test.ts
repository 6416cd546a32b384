import { expect } from 'chai'
import { DEFAULT_PACE, Pacer, type PaceOptions } from '../../bots/pacer.js'
import { VirtualClock } from './virtual-clock.js'

/** A pacer on a virtual clock, with the texts it said in order. */
function pacedOn(options: Partial<PaceOptions> = {}) {
  const clock = new VirtualClock(0)
  const pacer = new Pacer({ ...DEFAULT_PACE, ...options }, clock)
  const said: string[] = []
  const deliver = (text: string) => async () => void said.push(text)
  return { clock, pacer, said, deliver }
}

/** How a send ended: 'sent', 'duplicate', or the words it was refused with. */
const outcome = (p: Promise<unknown>) =>
  p.then(
    (o) => String(o),
    (e: Error) => e.message,
  )

/** Whether `p` settles while the event loop turns a few hundred times with nothing else to wait for (no clock). */
async function settlesUnheld(p: Promise<unknown>): Promise<boolean> {
  let settled = false
  void p.then(
    () => (settled = true),
    () => (settled = true),
  )
  for (let i = 0; i < 300 && !settled; i++) await new Promise((r) => setImmediate(r))
  return settled
}

/**
 * Review 38, finding 6. The bot asks the backend, right before an outbox message goes, whether the chat is still its
 * person's (a 解除 while it waited its turn). That question used to be asked inside the message's turn: a "no" had
 * already spent the turn and a place in the day's cap (the account's guard against a ban), and every answer to a
 * resident behind it waited for the backend's reply, or for its timeout when the backend was restarting.
 */
describe('bot: the check before a push goes spends no turn and holds no answer', () => {
  const notHers = async () => {
    throw new Error('no longer her chat')
  }

  it('a push the check stops is not counted against the day’s cap: the next message still goes today', async () => {
    const { pacer, clock, said, deliver } = pacedOn({ minGapMs: 0, maxGapMs: 0, perDay: 1 })
    expect(await outcome(pacer.send('wx-grandson', '您的留言有答复了', deliver('答复'), 'push', 'msg-1#0', notHers))).to.equal('no longer her chat')
    expect(said, 'nothing said in that chat').to.deep.equal([])
    expect(pacer.blockedUntil(), 'the outbox may still lease: the day’s one message is not spent').to.equal(clock.now())
    expect(await outcome(pacer.send('wx-elder', '您的留言已送出', deliver('已送出'), 'reply'))).to.equal('sent')
    expect(said).to.deep.equal(['已送出'])
  })

  it('an answer to a resident goes while the check of a push before it waits for the backend', async () => {
    const { pacer, said, deliver } = pacedOn({ minGapMs: 0, maxGapMs: 0 })
    let answer: () => void = () => {}
    let asked = false
    const check = () => {
      asked = true
      return new Promise<void>((resolve) => (answer = resolve))
    }
    const push = pacer.send('wx-li', '会议提醒：明天上午9:00召开', deliver('会议提醒'), 'push', 'msg-2#0', check)
    for (let i = 0; i < 50 && !asked; i++) await new Promise((r) => setImmediate(r))
    expect(asked, 'the check is asked when the push’s turn comes').to.equal(true)
    const reply = pacer.send('wx-elder', '您的留言已送出，编号 20261206-0001', deliver('已送出'), 'reply')
    expect(await settlesUnheld(reply), 'the answer went without waiting for the check').to.equal(true)
    expect(said).to.deep.equal(['已送出'])
    answer()
    expect(await outcome(push)).to.equal('sent')
    expect(said).to.deep.equal(['已送出', '会议提醒'])
  })

  it('a check that fails (the backend does not answer) rejects the push with its error, unsent, for the outbox to retry', async () => {
    const { pacer, said, deliver } = pacedOn({ minGapMs: 0, maxGapMs: 0 })
    const down = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:3000')
    }
    expect(await outcome(pacer.send('wx-li', '会议提醒', deliver('会议提醒'), 'push', 'msg-3#0', down))).to.equal('connect ECONNREFUSED 127.0.0.1:3000')
    expect(await outcome(pacer.send('wx-li', '会议提醒', deliver('会议提醒'), 'push', 'msg-3#0', async () => {})), 'the retry is no duplicate').to.equal('sent')
    expect(said).to.deep.equal(['会议提醒'])
  })
})
