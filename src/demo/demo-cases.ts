import type { Services } from '../services/index.js'
import type { MpPrincipal } from '../services/accounts/mp-sessions.js'
import type { Store } from '../store/ports.js'

/** Messages of the demo city's residents: place, text, and how far each has come. */
const MESSAGES: Array<{ regionId: string; text: string; then?: 'replied' | 'rated' | 'returned'; rating?: number }> = [
  { regionId: 'c010101', text: '光明社区3号楼前的路灯坏了一个多月，晚上老人出门很不方便。', then: 'returned' },
  { regionId: 'c010101', text: '光明社区路灯不亮，晚上路很黑，希望尽快修好。' },
  { regionId: 'c010102', text: '幸福社区菜市场门口占道经营，早上车和人都过不去。', then: 'rated', rating: 5 },
  { regionId: 'c010103', text: '建新社区停车位太少，希望把空地改成停车场。', then: 'replied' },
  { regionId: 'c010201', text: '和平社区的老旧小区加装电梯，申请手续很复杂，请代表帮忙问问。', then: 'rated', rating: 4 },
  { regionId: 'c010202', text: '向阳社区垃圾清运不及时，夏天气味很大。', then: 'rated', rating: 2 },
  { regionId: 'c010203', text: '鼓楼社区学校门口上下学时段交通拥堵，建议设置临时停车点。' },
  { regionId: 'c010204', text: '社区卫生服务站周末不开门，老人看病不方便。' },
]

/**
 * A few residents' messages for the demo, so the console's inbox, dashboard and statistics
 * have something to show from the first start: some waiting, one sent back to its station by
 * the deputy, some answered and rated. Does nothing when any case exists.
 */
export async function seedDemoCases(store: Store, services: Pick<Services, 'mpSessions' | 'privacy' | 'submitter' | 'workflow'>) {
  if ((await store.cases.search({ limit: 1 })).items.length) return
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
    if (!c.deputyId || !m.then) continue
    const deputy = await deputyOf(c.deputyId)
    if (m.then === 'returned') {
      await workflow.transfer(deputy, c.id, { reason: '这段时间在外地学习，请站里另派代表' })
      continue
    }
    await workflow.reply(deputy, c.id, '已经联系相关部门，正在处理，有进展会再告诉您。')
    if (m.then === 'rated') await workflow.rate(resident, c.id, m.rating ?? 5)
  }
}
