import type { Config } from '../../config.js'
import type { OutboxMessage } from '../../store/ports.js'
import type { WeChatClient } from '../../wechat/client.js'
import { formatWeChatTime } from '../../wechat/subscribe-values.js'
import type { WeComRobot } from '../../wechat/wecom-robot.js'
import type { Route } from './channels.js'
import type { Senders } from './dispatcher.js'
import { titleOf } from './kinds.js'

type Templates = Config['wechat']['templates']

/** The template that carries a kind of message, or null when subscribe messages cannot carry it. */
export function templateFor(config: Pick<Config, 'wechat'>, kind: string): (Templates[string] & { name: string }) | null {
  if (!config.wechat.enabled) return null
  const name = config.wechat.kindTemplates[kind] ?? config.wechat.kindTemplates['*']
  const template = name ? config.wechat.templates[name] : undefined
  return template?.id ? { ...template, name } : null
}

const fill = (pattern: string, values: Record<string, string>) => pattern.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')

function placeholders(m: OutboxMessage, timeZone: string) {
  const payload = m.payload as { text?: string; ticket?: string; title?: string }
  return {
    title: payload.title ?? titleOf(m.kind),
    ticket: payload.ticket ?? '',
    text: payload.text ?? '',
    time: formatWeChatTime(m.createdAt, timeZone),
  }
}

/** Subscribe messages through the WeChat client, group posts through WeCom robots. */
export function realSenders(config: Pick<Config, 'wechat' | 'wecom' | 'business'>, wechat: WeChatClient | null, robots: WeComRobot): Senders {
  return {
    async subscribe(m: OutboxMessage, route: Route) {
      const template = templateFor(config, m.kind)
      if (!wechat || !template) throw new Error('subscribe messages are not configured')
      const values = placeholders(m, config.business.timeZone)
      const caseId = (m.payload as { caseId?: string }).caseId
      await wechat.sendSubscribeMessage({
        touser: route.address,
        templateId: template.id,
        page: caseId ? `${template.page}?caseId=${caseId}` : template.page,
        data: Object.fromEntries(Object.entries(template.data).map(([key, pattern]) => [key, fill(pattern, values)])),
      })
    },
    async robot(m: OutboxMessage, route: Route) {
      const key = config.wecom.robots[route.address]
      if (!key) throw new Error(`no robot for ${route.address}`)
      const { title, text } = placeholders(m, config.business.timeZone)
      await robots.send(key, { msgtype: 'text', content: `【${title}】${text}` })
    },
  }
}
