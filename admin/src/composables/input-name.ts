import type { Directive } from 'vue'

/**
 * `v-input-name="'接待开始时间'"` on a TDesign box (t-input, t-date-picker): the box's name on its text box itself,
 * where a screen reader (and a story's getByRole('textbox', { name })) looks for it. TDesign (1.20) puts an
 * aria-label given to the component on its wrapper <div>, a name nobody reads there; t-input has no prop for its
 * <input>, and the pickers' inputProps only reach that same t-input. Set again on every update: the name may change.
 */
function nameInput(box: HTMLElement, name: string | undefined) {
  const input = box.querySelector('input')
  if (!input) return
  if (name) input.setAttribute('aria-label', name)
  else input.removeAttribute('aria-label')
}

export const vInputName: Directive<HTMLElement, string | undefined> = {
  mounted: (box, { value }) => nameInput(box, value),
  updated: (box, { value }) => nameInput(box, value),
}
