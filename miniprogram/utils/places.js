/**
 * The places a resident can pick: every community (and grid) of the region tree, labelled
 * with its street and district so that two 建设路社区 in different districts differ.
 * The chosen place is remembered on the phone for the next time.
 */
const KEY = 'place.chosen'

function flatten(tree) {
  const out = []
  const walk = (node, trail) => {
    const path = trail.concat(node.name)
    if (node.kind === 'community' || node.kind === 'grid' || (node.kind === 'street' && !(node.children || []).length)) {
      out.push({ id: node.id, name: node.name, label: path.join(' '), kind: node.kind })
    }
    ;(node.children || []).forEach((child) => walk(child, path))
  }
  ;(tree || []).forEach((root) => walk(root, []))
  return out
}

function remembered() {
  const place = wx.getStorageSync(KEY)
  return place && place.id ? place : null
}

function remember(place) {
  wx.setStorageSync(KEY, { id: place.id, name: place.name, label: place.label })
}

/** A picker's choice on `page` (its placeList): shown, remembered, and returned; null when nothing was picked. */
function choose(page, e) {
  const index = Number(e.detail.value)
  const place = page.data.placeList[index]
  if (!place) return null
  remember(place)
  page.setData({ placeIndex: index, place: place })
  return place
}

module.exports = { flatten, remembered, remember, choose }
