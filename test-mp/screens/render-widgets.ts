/**
 * The input widgets of a page as the phone draws them, for the reviewers' pictures (render.ts). miniprogram-simulate
 * renders WeChat's own widgets (input, textarea, switch, checkbox, radio, picker, rich-text) as empty elements, and
 * TDesign's switch, checkbox, radio, rate and cell lose their drawing classes (their templates build them in WXS it does
 * not run): a picture showed no text in a box, no switch, no stars, no article and no menu rows. Each widget is read
 * from the live page (its attributes, or its TDesign component's data) and drawn into a copy of the page's DOM, at the
 * sizes and in the colours its stylesheet gives: TDesign's by the app's theme variables, WeChat's own by WeChat's defaults.
 */
import { createRequire } from 'node:module'

const exparser = createRequire(import.meta.url)('miniprogram-exparser')

export type Widget =
  | { kind: 'text'; value: string; placeholder: string; box: boolean }
  | { kind: 'switch'; on: boolean; wechat: boolean; color?: string }
  | { kind: 'check'; on: boolean; round: boolean; wechat: boolean; color?: string }
  | { kind: 'stars'; value: number; count: number; size: string; gap: string }
  | { kind: 'picker'; value: string }
  | { kind: 'rich-text'; nodes: unknown }
  | { kind: 'cell'; title: string; note: string; description: string; arrow: boolean; line: boolean }

/** Where the snapshot finds the copy of each widget's element (removed from the page once it is copied). */
const MARK = 'data-shot-widget'

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)
const attrsOf = (node: any): Record<string, any> => Object.fromEntries((node._vt?.attrs ?? []).map((a: any) => [a.name, a.value]))
const dataOf = (node: any): Record<string, any> => exparser.Element.getMethodCaller(node)?.data ?? {}
// WXML sizes are rpx; the picture is laid out at 750 px, one px to an rpx (render.ts).
const size = (value: unknown, fallback: string) => (typeof value === 'number' ? `${value * 2}px` : String(value || fallback).replace(/rpx$/, 'px'))
const yes = (value: unknown) => value === true || value === 'true' || value === ''

/** A TDesign component's own first element, where its drawing starts. */
function rootOf(node: any): Element | null {
  return node.shadowRoot?.childNodes.find((n: any) => n.$$ instanceof Element)?.$$ ?? null
}

interface Found {
  /**
   * What to draw; null for a TDesign text box, which keeps its own drawing (label, count) around WeChat's input, and
   * for a cell group, which keeps its cells to draw and takes the page's classes (.menu: its space above).
   */
  widget: Widget | null
  element: Element
  /** Classes its element lost: TDesign's own, and those the page gave it (prefixed as the page's are). */
  classes: string[]
  /** Whether widgets inside it are still to be found (a picker's field, a TDesign text box's input). */
  inside: boolean
}

/** What a widget node is and the element it is drawn in; null for anything else. */
function widgetOf(node: any): Found | null {
  const tag: string = node._vt?.tagName ?? ''
  const a = attrsOf(node)
  const native = (widget: Widget): Found => ({ widget, element: node.$$, classes: [], inside: widget.kind === 'picker' })
  if (tag === 'input' || tag === 'textarea') {
    return native({ kind: 'text', value: a.value ?? '', placeholder: a.placeholder ?? '', box: tag === 'textarea' && !yes(a['auto-height']) })
  }
  if (tag === 'switch') return native({ kind: 'switch', on: yes(a.checked), wechat: true, color: a.color })
  if (tag === 'checkbox' || tag === 'radio') return native({ kind: 'check', on: yes(a.checked), round: tag === 'radio', wechat: true, color: a.color })
  if (tag === 'rich-text') return native({ kind: 'rich-text', nodes: a.nodes })
  if (tag === 'picker') {
    const range = a.range as unknown[] | undefined
    const chosen = Array.isArray(range) ? range[Number(a.value)] : a.value
    const value = chosen && typeof chosen === 'object' && a['range-key'] ? (chosen as Record<string, unknown>)[a['range-key']] : chosen
    return native({ kind: 'picker', value: value === undefined || value === null ? '' : String(value) })
  }
  const d = dataOf(node)
  let widget: Widget | null
  if (tag === 't-input' || tag === 't-textarea' || tag === 't-cell-group') widget = null
  else if (tag === 't-switch') widget = { kind: 'switch', on: Boolean(d.checked), wechat: false }
  else if (tag === 't-checkbox' || tag === 't-radio') widget = { kind: 'check', on: Boolean(d.checked), round: d.icon !== 'rectangle', wechat: false }
  else if (tag === 't-rate')
    widget = { kind: 'stars', value: Number(d.value) || 0, count: Number(d.count) || 5, size: size(d.size, '48px'), gap: size(d.gap, '16px') }
  else if (tag === 't-cell') {
    // A menu row: its line under it unless it is the last of its group (TDesign's bordered && !isLastChild).
    const line = d.bordered !== false && !d.isLastChild
    widget = { kind: 'cell', title: d.title ?? '', note: d.note ?? '', description: d.description ?? '', arrow: Boolean(d.arrow), line }
  } else return null
  const element = rootOf(node)
  if (!element) return null
  // TDesign's own classes on its first element (t-input's: a row, the label beside the box), lost with its WXS; and the
  // page's classes on the tag (.area: a frame, a height), which WeChat puts on that element.
  const host = node.ownerShadowRoot?.getHostNode?.()?._vt?.tagName
  const given = String(a.class ?? '')
    .split(/\s+/)
    .filter(Boolean)
  // A cell's own class would lay out its row a second time around the drawn one.
  const classes = [...(tag === 't-cell' ? [] : [`${tag}--${tag}`]), ...(host ? given.map((c) => `${host}--${c}`) : [])]
  // t-input's hairline under the box, unless the page asked for none.
  if (tag === 't-input' && !d.borderless) classes.push('t-input--t-input--border')
  return { widget, element, classes, inside: widget === null }
}

/** Every widget under a component. */
function findWidgets(node: any, found: Found[]): void {
  const seen = widgetOf(node)
  if (seen?.element) found.push(seen)
  if (seen && !seen.inside) return
  if (node.shadowRoot) for (const child of node.shadowRoot.childNodes) findWidgets(child, found)
  for (const child of node.childNodes ?? []) findWidgets(child, found)
}

const TICK = '<span style="position:absolute;inset:0;display:flex;align-items:center;justify-content:center;color:#fff;font-size:0.7em;">✓</span>'

/** A widget's drawing: HTML put in place of what its element held. */
export function drawWidget(widget: Widget, inner: string): string {
  switch (widget.kind) {
    case 'text': {
      const shown = widget.value
        ? `<span class="shot-value" style="color:inherit;white-space:pre-wrap;">${escape(widget.value)}</span>`
        : `<span class="shot-placeholder" style="color:var(--td-text-color-placeholder,#808080);">${escape(widget.placeholder)}</span>`
      // WeChat's textarea is 150 px high (300 here) unless it grows with its text.
      return `<span class="shot-text" style="display:block;min-height:1.4em;${widget.box ? 'height:300px;' : ''}">${shown}</span>`
    }
    case 'switch': {
      // TDesign's: 90×56 rpx, its dot 44 rpx; the brand colour when on. WeChat's own: 52×32 pt, green when on.
      const [w, h, dot, gap] = widget.wechat ? [104, 64, 56, 4] : [90, 56, 44, 6]
      const on = widget.wechat ? widget.color || '#04be02' : 'var(--td-switch-checked-color,var(--td-brand-color,#0052d9))'
      const off = widget.wechat ? '#e5e5e5' : 'var(--td-switch-unchecked-color,#dcdcdc)'
      return (
        `<span class="shot-switch shot-switch--${widget.on ? 'on' : 'off'}" style="display:inline-block;position:relative;vertical-align:middle;` +
        `width:${w}px;height:${h}px;border-radius:${h / 2}px;background:${widget.on ? on : off};">` +
        `<span style="position:absolute;top:${(h - dot) / 2}px;left:${widget.on ? w - dot - gap : gap}px;width:${dot}px;height:${dot}px;` +
        `border-radius:50%;background:#fff;box-shadow:0 2px 4px rgba(0,0,0,.2);"></span></span>`
      )
    }
    case 'check': {
      // TDesign's: a 48 rpx mark, filled in the brand colour with a tick when chosen, a grey ring when not.
      // WeChat's own: a 44 px box (a circle for radio), a green tick in the box or a green disc.
      const colour = widget.wechat ? widget.color || '#09bb07' : 'var(--td-checkbox-icon-checked-color,var(--td-brand-color,#0052d9))'
      const px = widget.wechat ? 44 : 48
      const radius = widget.round ? '50%' : '6px'
      const filled = widget.on && (!widget.wechat || widget.round)
      const style =
        `display:inline-block;position:relative;flex:none;vertical-align:middle;box-sizing:border-box;width:${px}px;height:${px}px;` +
        `margin-right:20px;font-size:${px}px;border-radius:${radius};` +
        (filled ? `background:${colour};` : `border:4px solid ${widget.on ? colour : '#dcdcdc'};`)
      const tick = widget.on ? (filled ? TICK : TICK.replace('color:#fff', `color:${colour}`)) : ''
      return `<span class="shot-check shot-check--${widget.on ? 'on' : 'off'}" style="${style}">${tick}</span><span>${inner}</span>`
    }
    case 'stars': {
      const stars = Array.from({ length: widget.count }, (_, i) => {
        const on = i < widget.value
        const colour = on ? 'var(--td-rate-selected-color,var(--td-warning-color,#e37318))' : 'var(--td-rate-unselected-color,#dcdcdc)'
        const margin = i < widget.count - 1 ? widget.gap : '0'
        return `<span class="shot-star shot-star--${on ? 'on' : 'off'}" style="color:${colour};margin-right:${margin};">★</span>`
      })
      return `<span class="shot-stars" style="display:inline-flex;font-size:${widget.size};line-height:1;">${stars.join('')}</span>`
    }
    case 'picker':
      // A picker shows what the page put in it; one that put nothing shows its value, as a field.
      return inner.replace(/<[^>]*>/g, '').trim()
        ? inner
        : `<span class="shot-field" style="display:block;padding:28px 24px;background:#fff;">${escape(widget.value)}</span>`
    case 'rich-text':
      return `<div class="shot-rich-text">${richText(widget.nodes)}</div>`
    case 'cell':
      return cell(widget)
  }
}

/**
 * TDesign's cell as its stylesheet lays it out, by the same theme variables (the app sets its padding and height): a
 * white row, the title over its description, the note and the arrow on the right, a hairline under it. Its slots are
 * not drawn: the pages give their cells props only.
 */
function cell(widget: Extract<Widget, { kind: 'cell' }>): string {
  const row =
    'position:relative;display:flex;align-items:center;box-sizing:border-box;width:100%;' +
    'padding:var(--td-cell-vertical-padding,32px) var(--td-cell-horizontal-padding,32px);height:var(--td-cell-height,auto);' +
    'background:var(--td-cell-bg-color,#fff);' +
    (widget.line ? 'box-shadow:inset 0 -1px 0 var(--td-cell-border-color,var(--td-component-stroke,#e7e7e7));' : '')
  const title = `<div class="shot-cell__title" style="font:var(--td-font-body-large,32px / 48px sans-serif);color:var(--td-text-color-primary,#222);">${escape(widget.title)}</div>`
  const description = widget.description
    ? `<div class="shot-cell__description" style="margin-top:8px;font:var(--td-font-body-medium,28px / 44px sans-serif);color:var(--td-text-color-secondary,#555);">${escape(widget.description)}</div>`
    : ''
  const note = widget.note
    ? `<span class="shot-cell__note" style="flex:none;margin-left:16px;font-size:var(--td-font-size-m,32px);color:var(--td-text-color-placeholder,#707070);">${escape(widget.note)}</span>`
    : ''
  const arrow = widget.arrow
    ? '<span class="shot-cell__arrow" style="flex:none;margin-left:16px;font-size:48px;line-height:1;color:var(--td-text-color-placeholder,#707070);">›</span>'
    : ''
  return `<div class="shot-cell" style="${row}"><div style="flex:1 1 auto;min-width:0;">${title}${description}</div>${note}${arrow}</div>`
}

const RICH_NAMES = new Set(['p', 'h2', 'h3', 'ul', 'ol', 'li', 'strong', 'em', 'span', 'div'])

/** rich-text's nodes (utils/rich-text.js builds them: a few tags, each with its own style) as HTML; a string as text. */
function richText(nodes: unknown): string {
  if (typeof nodes === 'string') return escape(nodes.replace(/<[^>]*>/g, ''))
  if (!Array.isArray(nodes)) return ''
  return nodes
    .map((n: any) => {
      if (n.type === 'text') return escape(n.text)
      if (n.name === 'br') return '<br>'
      if (n.name === 'img') return '<span style="display:block;width:100%;height:300px;background:#ddd;"></span>'
      const name = RICH_NAMES.has(n.name) ? n.name : 'span'
      return `<${name} style="${escape(n.attrs?.style ?? '')}">${richText(n.children)}</${name}>`
    })
    .join('')
}

/**
 * A copy of the pages' DOM under root with their widgets drawn: the live pages are left as they were (some are
 * tapped again after their picture), only marked for the moment of copying.
 */
export function withWidgetsDrawn(components: any[], root: Element): Element {
  const found: Found[] = []
  for (const component of components) findWidgets(component._exparserNode, found)
  found.forEach((f, i) => f.element.setAttribute(MARK, String(i)))
  const copy = root.cloneNode(true) as Element
  for (const f of found) f.element.removeAttribute(MARK)
  // Innermost first: a widget drawn inside another (a picker's field) is kept when the outer one is drawn.
  for (const el of Array.from(copy.querySelectorAll(`[${MARK}]`)).reverse()) {
    const f = found[Number(el.getAttribute(MARK))]
    el.removeAttribute(MARK)
    if (f.classes.length) el.classList.add(...f.classes)
    const drawn = f.widget ? drawWidget(f.widget, el.innerHTML) : el.innerHTML
    if (drawn !== el.innerHTML) el.innerHTML = drawn
  }
  return copy
}
