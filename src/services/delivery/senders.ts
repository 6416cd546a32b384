import type { Config } from '../../config.js'
import type { OutboxMessage } from '../../store/ports.js'
import type { WeChatClient } from '../../wechat/client.js'
import type { WeComRobot } from '../../wechat/wecom-robot.js'
import type { Route } from './channels.js'
import type { Senders } from './dispatcher.js'
import type { MessageContent } from './content.js'

type Templates = Config['wechat']['templates']

/** The template that carries a kind of message, or null when subscribe messages cannot carry it. */
export function templateFor(config: Pick<Config, 'wechat'>, kind: string): (Templates[string] & { name: string }) | null {
  if (!config.wechat.enabled) return null
  return configuredTemplate(config, kind)
}

/** The template configured for a kind of message, whether or not sending is switched on (templateFor is what may be sent, and asked for). */
export function configuredTemplate(config: Pick<Config, 'wechat'>, kind: string): (Templates[string] & { name: string }) | null {
  const name = config.wechat.kindTemplates[kind] ?? config.wechat.kindTemplates['*']
  const template = name ? config.wechat.templates[name] : undefined
  return template?.id ? { ...template, name } : null
}

const fill = (pattern: string, values: Record<string, string>) => pattern.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')

/** The page a card opens: the subject's page when configured (wechat.pages), else the template's, with the id. */
export function pageFor(config: Pick<Config, 'wechat'>, templatePage: string, link: MessageContent['link']): string {
  return `${config.wechat.pages[link.subject] ?? templatePage}?${link.query}`
}

/** Subscribe messages through the WeChat client, group posts through WeCom robots. */
export function realSenders(config: Pick<Config, 'wechat' | 'wecom' | 'business'>, wechat: WeChatClient | null, robots: WeComRobot): Senders {
  return {
    async subscribe(m: OutboxMessage, route: Route, content: MessageContent) {
      const template = templateFor(config, m.kind)
      if (!wechat || !template) throw new Error('subscribe messages are not configured')
      const values: Record<string, string> = {
        title: content.title,
        ticket: content.ticket,
        text: content.text,
        time: content.time,
        place: content.place,
        excerpt: content.excerpt,
      }
      await wechat.sendSubscribeMessage({
        touser: route.address,
        templateId: template.id,
        page: pageFor(config, template.page, content.link),
        data: Object.fromEntries(Object.entries(template.data).map(([key, pattern]) => [key, fill(pattern, values)])),
      })
    },
    async robot(m: OutboxMessage, route: Route, content: MessageContent) {
      const key = config.wecom.robots[route.address]
      if (!key) throw new Error(`no robot for ${route.address}`)
      await robots.send(key, { msgtype: 'text', content: `【${content.title}】${(m.payload as { text?: string }).text ?? content.text}` })
    },
  }
}
