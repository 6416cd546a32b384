import type { CampaignRecord } from '../domain/campaign.js'
import { DEPUTY_LEVELS } from '../domain/directory.js'
import type { Services } from '../services/index.js'
import { BUILT_IN_ADMIN } from '../services/bootstrap.js'
import type { Store } from '../store/ports.js'
import { toPrincipal } from '../services/accounts/auth.js'

const DAY = 86_400_000

/**
 * The demo's running campaign, so that `npm start` shows reading, station notices and
 * progress from the first minute: a month of studying the Deputies Law (代表法) for every
 * deputy and station's staff, open to residents who follow it, with a required article
 * and a link published, and a second article scheduled. Does nothing when any campaign
 * exists already (a restart, or a real office's data).
 */
export async function seedDemoCampaign(store: Store, services: Pick<Services, 'campaigns'>, now: Date): Promise<CampaignRecord | null> {
  if ((await store.campaigns.search({ limit: 1 })).items.length) return null
  const admin = await store.staff.getByUsername(BUILT_IN_ADMIN)
  if (!admin) return null
  const office = toPrincipal(admin)
  const campaign = await services.campaigns.create(office, {
    title: '学习贯彻代表法专题学习',
    description: '每月一次、上下同题：全市各级人大代表和联络站工作人员学习代表法，阅读后在小程序“学习”中打卡，写下学习心得。群众也可以关注本活动一起学习。',
    startsAt: new Date(now.getTime() - 3 * DAY),
    endsAt: new Date(now.getTime() + 27 * DAY),
    audience: { levels: [...DEPUTY_LEVELS], staff: true, followers: true },
  })
  await services.campaigns.addItem(office, campaign.id, {
    title: '代表法要点导读',
    summary: '代表的权利和义务、代表在闭会期间的活动、代表联络站的作用。',
    body:
      '<h2>一、代表的权利和义务</h2><p>代表依照法律规定参加本级人民代表大会会议，联系人民群众，反映人民群众的意见和要求。</p>' +
      '<h2>二、闭会期间的活动</h2><p>代表通过<strong>视察、调研、接待群众</strong>等方式开展活动，积极参加统一组织的学习。</p>' +
      '<h3>学习提示</h3><ul><li>结合本站接待的群众意见思考</li><li>读完后请在小程序打卡，写下一条心得</li></ul>',
    source: '市人大常委会代表工作室',
    required: true,
  })
  await services.campaigns.addItem(office, campaign.id, {
    title: '中国人大网：代表工作专栏',
    summary: '更多关于代表履职的报道和解读。',
    link: 'https://www.npc.gov.cn/',
    source: '中国人大网',
    required: false,
  })
  await services.campaigns.addItem(office, campaign.id, {
    title: '第二期：怎样提出高质量的建议',
    summary: '从群众意见到代表建议：调研、论证、表述。',
    body: '<p>好的建议来自深入调研。请结合联络站收到的群众留言，选一个问题，写下调研的打算。</p>',
    source: '市人大常委会代表工作室',
    required: true,
    publishAt: new Date(now.getTime() + 2 * DAY),
  })
  return campaign
}
