/**
 * A page of the mini-program written as HTML with its styles, as render.ts pictures it: its DOM (a copy, with its input
 * widgets drawn by render-widgets.ts) and the app's, its components' and TDesign's WXSS.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { withWidgetsDrawn } from './render-widgets.js'

// WXSS as the phone applies it: rpx are half a CSS pixel on a 375-point-wide phone;
// miniprogram-simulate already turned "Nrpx" into "Npx", so the page is laid out at 750 px and zoomed by half.
const prefixed = (css: string, prefix: string) => css.replace(/\.([a-z][-_a-z0-9]*)/gi, `.${prefix}--$1`)
const BASE = `
  html { zoom: 0.5; }
  body { margin: 0; width: 750px; font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
  wx-view, wx-button, wx-picker, wx-textarea, wx-input, wx-form, wx-scroll-view, wx-rich-text { display: block; }
  wx-text { display: inline; }
  /* WeChat's own look of a <button> (its base stylesheet, at this 750 px scale): centred, and framed by its ::after,
     which TDesign colours (an outline button's border); without it the pictures showed no outline button's frame. */
  wx-button { position: relative; padding: 0 28px; box-sizing: border-box; text-align: center; border-radius: 10px; }
  wx-button::after { content: " "; width: 200%; height: 200%; position: absolute; top: 0; left: 0; border: 2px solid rgba(0, 0, 0, 0.2);
    transform: scale(0.5); transform-origin: 0 0; box-sizing: border-box; border-radius: 20px; pointer-events: none; }
  wx-image { display: inline-block; overflow: hidden; background: #ddd; }
  wx-switch, wx-checkbox, wx-radio { display: inline-block; }
  .bar { background: #b71c1c; color: #fff; height: 88px; line-height: 88px; text-align: center; font-size: 34px; }
`

/**
 * app.wxss as each component in the snapshot sees it: miniprogram-simulate prefixes every class with its component's
 * name (main--, page-shell--, cosign-picker--, privacy-consent--, …), and a component with addGlobalClass takes the
 * app's .hint, .error, .card; prefixed for main-- alone, those inside components were drawn unstyled.
 */
function appWxssFor(appWxss: string, root: Element | null) {
  const prefixes = new Set(['main', 'page-shell'])
  for (const el of Array.from(root?.querySelectorAll('[class]') ?? [])) {
    for (const c of Array.from(el.classList)) {
      const prefix = c.includes('--') ? c.split('--')[0] : ''
      if (prefix && !prefix.startsWith('t-')) prefixes.add(prefix)
    }
  }
  return [...prefixes].map((prefix) => prefixed(appWxss, prefix).replace(/^page\s*\{[^}]*\}/m, '')).join('\n')
}

/** The pages open now (test-mp/harness/page.ts keeps them), whose widgets are drawn. */
const openComponents = () => ((globalThis as { __mpShownPages?: { component: unknown }[] }).__mpShownPages ?? []).map((p) => p.component)

/** Writes the page on the screen now to out/mp-<name>.html under a bar with its title. */
export function snapshotter(out: string, mpRoot: string) {
  const appWxss = readFileSync(join(mpRoot, 'app.wxss'), 'utf8').replace(/(\d+)rpx/g, '$1px')
  return function snapshot(name: string, title: string) {
    const styles = Array.from(document.querySelectorAll('style'))
      .map((s) => s.textContent)
      .join('\n')
    const live = document.body.lastElementChild
    const root = live ? withWidgetsDrawn(openComponents(), live) : null
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>${BASE}
    ${appWxss.replace(/^page\s*\{/m, 'body {')}
    ${appWxssFor(appWxss, root)}
    ${styles}</style></head><body><div class="bar">${title}</div>${root?.outerHTML ?? ''}</body></html>`
    writeFileSync(join(out, `mp-${name}.html`), html)
  }
}
