import type { Services } from '../services/index.js'
import type { MpPrincipal } from '../services/accounts/mp-sessions.js'
import type { Store } from '../store/ports.js'

/**
 * Messages of the demo city's residents: place, text, how far each has come, and the deputy's answer when
 * he has answered. Each answer says what was done and what came of it, as the server asks of real deputies
 * (src/domain/reply-words.ts): a demo that answers "正在处理，有进展再告诉您" teaches staff the answer to avoid.
 */
type DemoMessage = { regionId: string; text: string } & (
  { then?: undefined } | { then: 'returned' } | { then: 'replied' | 'rated'; reply: string; rating?: number }
)
const MESSAGES: DemoMessage[] = [
  { regionId: 'c010101', text: '光明社区3号楼前的路灯坏了一个多月，晚上老人出门很不方便。', then: 'returned' },
  { regionId: 'c010101', text: '光明社区路灯不亮，晚上路很黑，希望尽快修好。' },
  {
    regionId: 'c010102',
    text: '幸福社区菜市场门口占道经营，早上车和人都过不去。',
    then: 'rated',
    reply: '已请街道城管中队劝离门口的流动摊位，菜市场在院内给他们留了摊位，早上七点到九点有人看着，门口已经通了。',
    rating: 5,
  },
  {
    regionId: 'c010103',
    text: '建新社区停车位太少，希望把空地改成停车场。',
    then: 'replied',
    reply: '已和社区、街道一起看了那块空地，街道同意先划出 30 个临时车位，下周一开始可以停车；改成正式停车场已报进明年的计划。',
  },
  {
    regionId: 'c010201',
    text: '和平社区的老旧小区加装电梯，申请手续很复杂，请代表帮忙问问。',
    then: 'rated',
    reply: '已问清区住建局：加装电梯只要交业主同意书、设计方案和施工合同三样材料，社区居委会可以代办，您带上材料到居委会找王主任就行。',
    rating: 4,
  },
  {
    regionId: 'c010202',
    text: '向阳社区垃圾清运不及时，夏天气味很大。',
    then: 'rated',
    reply: '已联系街道环卫所，向阳社区的垃圾从每天清运一次改为早晚各一次，从本周一开始。',
    rating: 2,
  },
  { regionId: 'c010203', text: '鼓楼社区学校门口上下学时段交通拥堵，建议设置临时停车点。' },
  { regionId: 'c010204', text: '社区卫生服务站周末不开门，老人看病不方便。' },
]

/** The demo resident whose message is answered and waits for her rating (demo:resident-4 in the mini-program). */
export const DEMO_RESIDENT_TO_RATE = 4

/**
 * A few residents' messages for the demo, so the console's inbox, dashboard and statistics
 * have something to show from the first start: some waiting, one sent back to its station by
 * the deputy, some answered and rated. Does nothing when any case exists. Returns the deputy
 * who holds most of the waiting ones (routing picks him by the day's duty roster), for `npm start`
 * to name as the deputy to be in the mini-program; null when nothing was seeded or none holds one.
 */
export async function seedDemoCases(
  store: Store,
  services: Pick<Services, 'mpSessions' | 'privacy' | 'submitter' | 'workflow'>,
): Promise<{ deputyId: string; open: number } | null> {
  if ((await store.cases.search({ limit: 1 })).items.length) return null
  const open = new Map<string, number>()
  const { mpSessions, privacy, submitter, workflow } = services
  const deputyOf = async (deputyId: string): Promise<MpPrincipal> => {
    const user = await mpSessions.userForOpenid(`demo-deputy-${deputyId}`)
    await store.mpUsers.update(user.id, { deputyId })
    return { kind: 'mp_user', id: user.id, deputyId }
  }
  for (const [i, m] of MESSAGES.entries()) {
    const user = await mpSessions.userForOpenid(`demo-resident-${i + 1}`)
    await privacy.consent(user.id, privacy.notice.version)
    const resident: MpPrincipal = { kind: 'mp_user', id: user.id, deputyId: null }
    const { record: c } = await submitter.submit(resident, { text: m.text, images: [], regionId: m.regionId, anonymous: false, publicConsent: false }, null)
    if (c.deputyId && !m.then) open.set(c.deputyId, (open.get(c.deputyId) ?? 0) + 1)
    if (!c.deputyId || !m.then) continue
    const deputy = await deputyOf(c.deputyId)
    if (m.then === 'returned') {
      await workflow.transfer(deputy, c.id, { reason: '这段时间在外地学习，请站里另派代表' })
      continue
    }
    await workflow.reply(deputy, c.id, m.reply)
    if (m.then === 'rated') await workflow.rate(resident, c.id, m.rating ?? 5)
  }
  const busiest = [...open].sort((a, b) => b[1] - a[1])[0]
  return busiest ? { deputyId: busiest[0], open: busiest[1] } : null
}
